import { graphql } from '../../../gql';

export const ImportJobsQuery = graphql(`
  query ImportJobs {
    importJobs(first: 20) {
      id
      fileName
      encoding
      delimiter
      status
      totalRows
      processedRows
      created
      updated
      skipped
      failed
      dryRun
      createdAt
      finishedAt
    }
  }
`);

export const ImportJobQuery = graphql(`
  query ImportJob($id: ID!) {
    importJob(id: $id) {
      id
      fileName
      encoding
      delimiter
      status
      totalRows
      processedRows
      created
      updated
      skipped
      failed
      dryRun
      createdAt
      finishedAt
      mapping {
        column
        field
        samples
      }
      errors(first: 100) {
        row
        field
        message
      }
    }
  }
`);

export const RunImportMutation = graphql(`
  mutation RunImport($id: ID!, $mapping: [ColumnMappingInput!]!, $dryRun: Boolean, $tags: [String!]) {
    runImport(id: $id, mapping: $mapping, dryRun: $dryRun, tags: $tags) {
      id
      fileName
      encoding
      delimiter
      status
      totalRows
      processedRows
      created
      updated
      skipped
      failed
      dryRun
      createdAt
      finishedAt
    }
  }
`);

export const CancelImportMutation = graphql(`
  mutation CancelImport($id: ID!) {
    cancelImport(id: $id) {
      id
      fileName
      encoding
      delimiter
      status
      totalRows
      processedRows
      created
      updated
      skipped
      failed
      dryRun
      createdAt
      finishedAt
    }
  }
`);
