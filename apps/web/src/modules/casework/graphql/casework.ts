import { graphql } from '../../../gql';

/** Every series' occurrences in a range (this week and the next on /sessions; one day on a session's page). */
export const SessionsQuery = graphql(`
  query Sessions($from: DateTime!, $to: DateTime!) {
    sessions(from: $from, to: $to) {
      id
      kind
      title
      startsAt
      endsAt
      location
      cancelled
      attendeeCount
      attendees {
        id
        firstName
        lastName
      }
    }
  }
`);

export const RecordAttendanceMutation = graphql(`
  mutation RecordAttendance($sessionId: ID!, $contactIds: [ID!]!) {
    recordAttendance(sessionId: $sessionId, contactIds: $contactIds) {
      id
      attendeeCount
      attendees {
        id
        firstName
        lastName
      }
    }
  }
`);

export const NewAttendeeMutation = graphql(`
  mutation NewAttendee($input: ContactInput!) {
    createContact(input: $input) {
      id
      firstName
      lastName
    }
  }
`);

export const MyCasesQuery = graphql(`
  query MyCases($ownerId: ID) {
    cases(ownerId: $ownerId, first: 200) {
      id
      agency
      summary
      status
      openedAt
      nextStepAt
      contact {
        id
        firstName
        lastName
      }
    }
  }
`);

export const ContactCasesQuery = graphql(`
  query ContactCases($id: ID!) {
    contact(id: $id) {
      id
      cases {
        id
        agency
        summary
        status
        openedAt
        closedAt
        nextStepAt
        recoveredCents
        steps {
          id
          at
          note
        }
      }
    }
  }
`);

/** Cases counted (never a name): the brief, the dashboard and the listening report show them. */
export const EvidenceFieldsFragment = graphql(`
  fragment EvidenceFields on CaseEvidence {
    cases
    people
    open
    resolved
    unresolved
    medianDaysToClose
    recoveredCents
    byAgency {
      agency
      cases
      open
      resolved
      unresolved
    }
    quotes
  }
`);
