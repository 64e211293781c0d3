import type { CampaignWorkspaceQuery as WorkspaceData } from '../../../../gql/graphql';

export type Workspace = WorkspaceData;
export type WorkspaceCampaign = NonNullable<WorkspaceData['campaign']>;
export type DecisionMakerRow = WorkspaceData['decisionMakers'][number];
export type CommitmentRow = WorkspaceData['commitments'][number];

/**
 * After a change, the dashboard's figures and lists are read again from the API:
 * counts such as "demands by status" or "overdue follow-ups" are the server's to
 * compute, so no optimistic guess of them is shown.
 */
export const REFETCH = { refetchQueries: ['CampaignDashboard', 'CampaignWorkspace'], awaitRefetchQueries: true };
