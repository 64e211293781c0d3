import { graphql } from '../../../gql';

/** People already known who may be the one being typed in (see useDuplicates): the existing search, by one clue at a time. */
export const PossibleDuplicatesQuery = graphql(`
  query PossibleDuplicates($search: String!) {
    contacts(filter: { search: $search }, first: 5) {
      edges {
        node {
          id
          firstName
          lastName
          phone
          email
          building
          street
        }
      }
    }
  }
`);
