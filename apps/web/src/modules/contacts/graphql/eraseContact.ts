import { graphql } from '../../../gql';

export const EraseContactMutation = graphql(`
  mutation EraseContact($contactId: ID!) {
    eraseContact(contactId: $contactId)
  }
`);
