import { graphql } from '../../../gql';

/**
 * What the dashboard's controls act on: the campaign's demands, actions and
 * negotiations (with what was promised at the table), the organisation's
 * decision-makers and the campaign's commitments. The figures stay in
 * CampaignDashboard; both are refetched after a change.
 */
export const CampaignWorkspaceQuery = graphql(`
  query CampaignWorkspace($campaignId: ID!) {
    campaign(id: $campaignId) {
      id
      name
      stage
      demands {
        id
        title
        status
        deadline
        target {
          id
          name
        }
      }
      actions {
        id
        title
        kind
        startsAt
        location
        turnoutGoal
        visibility
        outcome
        committedCount
        attendedCount
      }
      negotiations {
        id
        scheduledAt
        status
        report
        decisionMakers {
          id
          name
        }
        commitments {
          id
          description
          dueAt
          status
          decisionMaker {
            id
            name
          }
        }
      }
    }
    decisionMakers {
      id
      name
      title
      institution
      power
      stance
    }
    commitments(campaignId: $campaignId) {
      id
      description
      dueAt
      status
      resolutionNote
      contact {
        id
        firstName
        lastName
      }
      decisionMaker {
        id
        name
      }
    }
  }
`);

export const CreateCampaignMutation = graphql(`
  mutation CreateCampaign($input: CampaignInput!) {
    createCampaign(input: $input) {
      id
      name
      goal
      stage
      startedAt
    }
  }
`);

export const AdvanceCampaignMutation = graphql(`
  mutation AdvanceCampaign($campaignId: ID!, $stage: CampaignStage!, $note: String, $enteredAt: DateTime) {
    advanceCampaign(campaignId: $campaignId, stage: $stage, note: $note, enteredAt: $enteredAt) {
      id
      stage
    }
  }
`);

export const CreateDemandMutation = graphql(`
  mutation CreateDemand($input: DemandInput!) {
    createDemand(input: $input) {
      id
      title
      status
    }
  }
`);

export const SetDemandStatusMutation = graphql(`
  mutation SetDemandStatus($id: ID!, $status: DemandStatus!) {
    setDemandStatus(id: $id, status: $status) {
      id
      status
    }
  }
`);

export const CreateDecisionMakerMutation = graphql(`
  mutation CreateDecisionMaker($input: DecisionMakerInput!) {
    createDecisionMaker(input: $input) {
      id
      name
      title
      institution
      power
      stance
    }
  }
`);

export const UpdateDecisionMakerMutation = graphql(`
  mutation UpdateDecisionMaker($id: ID!, $input: DecisionMakerInput!) {
    updateDecisionMaker(id: $id, input: $input) {
      id
      name
      title
      institution
      power
      stance
    }
  }
`);

export const ScheduleActionMutation = graphql(`
  mutation ScheduleAction($input: ActionInput!) {
    scheduleAction(input: $input) {
      id
      title
    }
  }
`);

export const RecordCommitmentMutation = graphql(`
  mutation RecordCommitment($input: CommitmentInput!) {
    recordCommitment(input: $input) {
      id
      description
      dueAt
      status
    }
  }
`);

export const ResolveCommitmentMutation = graphql(`
  mutation ResolveCommitment($id: ID!, $status: CommitmentStatus!, $note: String) {
    resolveCommitment(id: $id, status: $status, note: $note) {
      id
      status
      resolutionNote
      resolvedAt
    }
  }
`);

export const RescheduleCommitmentMutation = graphql(`
  mutation RescheduleCommitment($id: ID!, $dueAt: DateTime!) {
    rescheduleCommitment(id: $id, dueAt: $dueAt) {
      id
      dueAt
      status
    }
  }
`);

export const RecordWinMutation = graphql(`
  mutation RecordWin($input: WinInput!) {
    recordWin(input: $input) {
      id
      title
      size
      wonAt
      celebrated
    }
  }
`);

export const MarkWinCelebratedMutation = graphql(`
  mutation MarkWinCelebrated($id: ID!) {
    markWinCelebrated(id: $id) {
      id
      celebrated
      celebratedAt
    }
  }
`);

export const PlanNegotiationMutation = graphql(`
  mutation PlanNegotiation($input: NegotiationInput!) {
    planNegotiation(input: $input) {
      id
      scheduledAt
      status
    }
  }
`);

export const RecordNegotiationReportMutation = graphql(`
  mutation RecordNegotiationReport($negotiationId: ID!, $report: String!) {
    recordNegotiationReport(negotiationId: $negotiationId, report: $report) {
      id
      report
      status
    }
  }
`);
