import { graphql } from '../../../gql';

export const CampaignsQuery = graphql(`
  query Campaigns {
    campaigns {
      id
      name
      goal
      stage
      startedAt
      stageHistory {
        stage
        enteredAt
      }
    }
  }
`);
