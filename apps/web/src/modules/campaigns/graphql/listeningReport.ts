import { graphql } from '../../../gql';

export const ListeningReportQuery = graphql(`
  query ListeningReport($campaignId: ID!) {
    listeningReport(campaignId: $campaignId) {
      issue {
        id
        name
      }
      mentions
      contacts
      averageIntensity
      quotes
      cases {
        cases
        people
        resolved
        open
      }
    }
  }
`);
