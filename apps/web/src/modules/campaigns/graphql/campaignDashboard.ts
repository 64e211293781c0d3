import { graphql } from '../../../gql';

/** Every figure on the dashboard comes from campaignProgress; the campaign gives the name, history and negotiations. */
export const CampaignDashboardQuery = graphql(`
  query CampaignDashboard($campaignId: ID!) {
    campaignProgress(campaignId: $campaignId) {
      campaign {
        id
        name
        goal
        startedAt
        evidence {
          ...EvidenceFields
        }
        stageHistory {
          stage
          enteredAt
          note
        }
        negotiations {
          id
          scheduledAt
          status
          decisionMakers {
            id
            name
          }
        }
      }
      stage
      daysInStage
      doorsKnocked
      conversationsHeld
      oneToOnes
      contactsReached
      leadersIdentified
      topIssues {
        issue {
          id
          name
        }
        mentions
        contacts
        averageIntensity
      }
      demandsByStatus {
        status
        count
      }
      upcomingActions {
        id
        title
        kind
        startsAt
        location
        turnoutGoal
        committedCount
        visibility
      }
      commitmentsByStatus {
        status
        count
      }
      decisionMakerCommitmentsByStatus {
        status
        count
      }
      overdueFollowUps
      wins {
        id
        title
        wonAt
        size
        celebrated
      }
      conversationsPerWeek {
        weekStart
        count
      }
    }
  }
`);
