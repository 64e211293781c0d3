import { graphql } from '../../../gql';

export const SearchContactsQuery = graphql(`
  query SearchContacts($search: String!, $first: Int) {
    contacts(filter: { search: $search }, first: $first) {
      edges {
        node {
          id
          firstName
          lastName
          phone
          street
          building
        }
      }
    }
  }
`);
