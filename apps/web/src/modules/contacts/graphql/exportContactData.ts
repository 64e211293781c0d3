import { graphql } from '../../../gql';

export const ExportContactDataMutation = graphql(`
  mutation ExportContactData($contactId: ID!) {
    exportContactData(contactId: $contactId)
  }
`);
