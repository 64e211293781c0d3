import { graphql } from '../../../gql';

/** One action, with who was invited, for /actions/:id. */
export const ActionPageQuery = graphql(`
  query ActionPage($id: ID!) {
    action(id: $id) {
      id
      title
      kind
      startsAt
      location
      turnoutGoal
      visibility
      outcome
      committedCount
      attendedCount
      campaign {
        id
        name
      }
      target {
        id
        name
      }
      participants {
        status
        contact {
          id
          firstName
          lastName
          phone
        }
      }
    }
  }
`);

/** A person's participations in actions, for their page. */
export const ContactParticipationsQuery = graphql(`
  query ContactParticipations($id: ID!) {
    contact(id: $id) {
      id
      participations {
        status
        action {
          id
          title
          startsAt
        }
      }
    }
  }
`);

export const SetParticipationMutation = graphql(`
  mutation SetParticipation($actionId: ID!, $contactId: ID!, $status: ParticipationStatus!) {
    setParticipation(actionId: $actionId, contactId: $contactId, status: $status) {
      status
      contact {
        id
      }
    }
  }
`);

export const RecordActionOutcomeMutation = graphql(`
  mutation RecordActionOutcome($actionId: ID!, $outcome: String!) {
    recordActionOutcome(actionId: $actionId, outcome: $outcome) {
      id
      outcome
    }
  }
`);
