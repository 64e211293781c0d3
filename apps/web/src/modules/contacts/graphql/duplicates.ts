import { graphql } from '../../../gql';

export const DuplicateCandidatesQuery = graphql(`
  query DuplicateCandidates($first: Int) {
    duplicateCandidates(first: $first) {
      score
      reasons
      a {
        ...DuplicateRecord
      }
      b {
        ...DuplicateRecord
      }
    }
  }

  fragment DuplicateRecord on Contact {
    id
    firstName
    lastName
    phone
    email
    street
    building
    city
    tags
  }
`);

export const MergeContactsMutation = graphql(`
  mutation MergeContacts($keepId: ID!, $dropId: ID!) {
    mergeContacts(keepId: $keepId, dropId: $dropId) {
      id
    }
  }
`);

export const DismissDuplicateMutation = graphql(`
  mutation DismissDuplicate($aId: ID!, $bId: ID!) {
    dismissDuplicate(aId: $aId, bId: $bId)
  }
`);

export const ExportContactsMutation = graphql(`
  mutation ExportContacts($filter: ContactFilter, $format: ExportFormat) {
    exportContacts(filter: $filter, format: $format)
  }
`);
