import { graphql } from '../../../gql';

/** The organisation's time zone: times are labelled with it when the device is elsewhere. */
export const OrgTimeZoneQuery = graphql(`
  query OrgTimeZone {
    organization {
      id
      timezone
    }
  }
`);
