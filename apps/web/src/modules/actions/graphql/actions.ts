import { graphql } from '../../../gql';

/**
 * The organisation's actions with who was invited. The API has no `action(id)`
 * query: the action page and a person's participations read them from the
 * campaigns (an organisation runs a handful of campaigns at a time).
 */
export const OrganisationActionsQuery = graphql(`
  query OrganisationActions {
    campaigns {
      id
      name
      actions {
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
