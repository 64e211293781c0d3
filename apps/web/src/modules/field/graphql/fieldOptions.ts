import { graphql } from '../../../gql';

/** What the field form offers: the campaigns, and the issues already heard in the organisation. */
export const FieldOptionsQuery = graphql(`
  query FieldOptions {
    campaigns {
      id
      name
      stage
    }
    issues {
      id
      name
    }
  }
`);
