import { graphql } from '../../../gql';

/** What allies may see: actions open to them, wins to celebrate, turnout goals reached (counts only), each campaign's stage, the calendar feed. No one's details. */
export const AllyPortalQuery = graphql(`
  query AllyPortal {
    upcomingActions(first: 20) {
      id
      title
      kind
      startsAt
      location
      committedCount
      campaign {
        id
        name
      }
    }
    winsToCelebrate {
      id
      title
      wonAt
      size
      campaign {
        id
        name
      }
    }
    turnoutWins(first: 10) {
      id
      title
      startsAt
      turnoutGoal
      attendedCount
      campaign {
        id
        name
      }
    }
    campaigns {
      id
      name
      stage
      wins {
        id
        title
        wonAt
        size
      }
    }
    calendarFeedUrl
  }
`);
