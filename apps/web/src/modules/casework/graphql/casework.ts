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
      closedAt
      nextStepAt
      recoveredCents
      issue {
        id
        name
      }
      owner {
        id
        displayName
      }
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
        issue {
          id
          name
        }
        owner {
          id
          displayName
        }
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

/** What the "open a case" form offers: the campaigns to link it to. */
export const CaseCampaignsQuery = graphql(`
  query CaseCampaigns {
    campaigns {
      id
      name
    }
  }
`);

/** Organisers may hand a case to another member (the form asks for the members only for them). */
export const CaseOwnersQuery = graphql(`
  query CaseOwners {
    members {
      id
      displayName
      role
    }
  }
`);

export const OpenCaseMutation = graphql(`
  mutation OpenCase($input: CaseInput!) {
    openCase(input: $input) {
      id
      status
      nextStepAt
    }
  }
`);

export const UpdateCaseMutation = graphql(`
  mutation UpdateCase($id: ID!, $input: CaseUpdateInput!) {
    updateCase(id: $id, input: $input) {
      id
      status
      closedAt
      nextStepAt
      recoveredCents
    }
  }
`);

export const AddCaseStepMutation = graphql(`
  mutation AddCaseStep($caseId: ID!, $note: String!, $at: DateTime) {
    addCaseStep(caseId: $caseId, note: $note, at: $at) {
      id
      at
      note
    }
  }
`);

/** The people who came to a series' recent sessions: the session's page lists them to tap, offline too. */
export const SessionRegularsQuery = graphql(`
  query SessionRegulars($from: DateTime!, $to: DateTime!) {
    sessionSeries {
      id
      sessions(from: $from, to: $to) {
        id
        attendees {
          id
          firstName
          lastName
        }
      }
    }
  }
`);
