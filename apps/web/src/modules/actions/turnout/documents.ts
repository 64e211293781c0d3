import { graphql } from '../../../gql';

// The check-in page's operations.

/** The action with its participants (to check them in) and its call list (invited and committed people, to phone before). */
export const TurnoutQuery = graphql(`
  query Turnout($id: ID!) {
    action(id: $id) {
      id
      title
      startsAt
      cancelledAt
      turnoutGoal
      committedCount
      checkInCount
      participants {
        status
        contact {
          id
          firstName
          lastName
        }
      }
      callList {
        contact {
          id
          firstName
          lastName
        }
        phone
        status
        lastCallAt
        lastCallNote
      }
    }
  }
`);

export const CheckInMutation = graphql(`
  mutation CheckIn($actionId: ID!, $contactId: ID!) {
    checkIn(actionId: $actionId, contactId: $contactId) {
      id
      checkInCount
    }
  }
`);

export const CloseAttendanceMutation = graphql(`
  mutation CloseAttendance($actionId: ID!) {
    closeAttendance(actionId: $actionId) {
      id
      checkInCount
    }
  }
`);
