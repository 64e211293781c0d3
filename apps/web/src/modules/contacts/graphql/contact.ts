import { graphql } from '../../../gql';

/** One person: identity, the conversations held with them and the commitments they made. */
export const ContactQuery = graphql(`
  query Contact($id: ID!) {
    contact(id: $id) {
      id
      firstName
      lastName
      phone
      email
      street
      building
      postalCode
      city
      neighbourhood
      languages
      allyRoles
      isLeader
      tags
      consentGivenAt
      createdAt
      conversations {
        id
        kind
        outcome
        occurredAt
        street
        building
        door
        interestLevel
        leadershipPotential
        selfInterest
        followUpAt
        notes
        campaign {
          id
          name
        }
        issues {
          issue {
            id
            name
          }
          intensity
          quote
        }
      }
      commitments {
        id
        description
        dueAt
        status
        resolvedAt
        campaign {
          id
          name
        }
      }
    }
  }
`);
