import { graphql } from '../../../gql';

export const NegotiationBriefQuery = graphql(`
  query NegotiationBrief($negotiationId: ID!) {
    negotiationBrief(negotiationId: $negotiationId) {
      ...BriefFields
    }
  }
`);
