import { graphql } from '../../../gql';

export const ContactsQuery = graphql(`
  query Contacts($filter: ContactFilter, $first: Int, $after: String) {
    contacts(filter: $filter, first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          firstName
          lastName
          phone
          email
          street
          building
          neighbourhood
          allyRoles
          isLeader
          tags
          membershipStatus
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
  }
`);
