import { graphql } from '../../../gql';

export const LogConversationMutation = graphql(`
  mutation LogConversation($input: LogConversationInput!) {
    logConversation(input: $input) {
      id
      clientId
      occurredAt
      outcome
    }
  }
`);
