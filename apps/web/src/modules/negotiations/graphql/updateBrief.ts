import { graphql } from '../../../gql';

export const UpdateBriefMutation = graphql(`
  mutation UpdateBrief($negotiationId: ID!, $input: BriefInput!) {
    updateBrief(negotiationId: $negotiationId, input: $input) {
      ...BriefFields
    }
  }
`);
