import { graphql } from '../../../gql';
import type { BuildingsQuery as BuildingsData } from '../../../gql/graphql';

// The turf page's operations (apps/api/schema.graphql is the reference; the integration
// tests cover the same fields).

/** A campaign's buildings with their doors: the turf page's grid. */
export const BuildingsQuery = graphql(`
  query Buildings($campaignId: ID!) {
    buildings(campaignId: $campaignId) {
      id
      street
      number
      name
      doorCount
      knocked
      talked
      assignedTo {
        id
        displayName
      }
      doors {
        id
        floor
        label
        visits
        lastOutcome
        doNotKnock
      }
    }
  }
`);

/** A member a building is assigned to (or may be). */
export type TurfUser = BuildingsData['buildings'][number]['assignedTo'][number];

/** Doors to come back to: visited, never talked to, last visit at least `minDaysSince` days ago. */
export const RevisitListQuery = graphql(`
  query RevisitList($campaignId: ID!, $minDaysSince: Int) {
    revisitList(campaignId: $campaignId, minDaysSince: $minDaysSince) {
      id
      floor
      label
      building {
        id
        name
        street
        number
      }
    }
  }
`);

/** "Personne au 4e": many doors at once, one clientId for the batch. */
export const LogDoorsVisitMutation = graphql(`
  mutation LogDoorsVisit($input: DoorsVisitInput!) {
    logDoorsVisit(input: $input) {
      id
      visits
      lastOutcome
    }
  }
`);

/** Per building, doors knocked and talked: the dashboard's block (no doors: one grouped statement on the API). */
export const BuildingProgressQuery = graphql(`
  query BuildingProgress($campaignId: ID!) {
    buildings(campaignId: $campaignId) {
      id
      street
      number
      name
      doorCount
      knocked
      talked
    }
  }
`);

/** The organisation's members, to choose whom a building is assigned to (asked for when the chooser opens). */
export const TurfMembersQuery = graphql(`
  query TurfMembers {
    members {
      id
      displayName
      role
    }
  }
`);

/** Replaces a building's assignees; the answer updates the building in the cache (and so the page). */
export const AssignTurfMutation = graphql(`
  mutation AssignTurf($buildingIds: [ID!]!, $userIds: [ID!]!) {
    assignTurf(buildingIds: $buildingIds, userIds: $userIds) {
      id
      assignedTo {
        id
        displayName
      }
    }
  }
`);
