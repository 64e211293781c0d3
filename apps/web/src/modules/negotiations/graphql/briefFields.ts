import { graphql } from '../../../gql';

/** Everything the brief editor and the printed brief show; the query and updateBrief's answer share it. */
export const BriefFieldsFragment = graphql(`
  fragment BriefFields on NegotiationBrief {
    negotiation {
      id
      scheduledAt
      status
      campaign {
        id
        name
        demands {
          id
          title
          status
          target {
            id
            name
          }
        }
      }
      decisionMakers {
        id
        name
        title
        institution
      }
    }
    objective
    demands {
      id
      title
      status
    }
    ourLeverage
    theirInterests
    fallback
    ifNoAgreement
    arguments {
      kind
      text
    }
    roles {
      role
      contact {
        id
        firstName
        lastName
      }
    }
    testimonies {
      issue {
        id
        name
      }
      intensity
      quote
    }
    evidence {
      ...EvidenceFields
    }
    decisionMakerHistory {
      id
      description
      dueAt
      status
      resolvedAt
      decisionMaker {
        id
        name
      }
    }
  }
`);
