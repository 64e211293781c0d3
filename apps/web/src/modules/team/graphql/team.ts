import { graphql } from '../../../gql';

export const TeamQuery = graphql(`
  query Team {
    members {
      id
      email
      displayName
      role
    }
    invitations {
      id
      email
      displayName
      role
      expiresAt
      invitedBy {
        id
        displayName
      }
    }
    reminderHealth {
      pending
      overdue
      failed
      sentLast7Days
    }
    failedReminders {
      id
      kind
      remindAt
      lastError
    }
  }
`);

export const InviteMemberMutation = graphql(`
  mutation InviteMember($email: String!, $displayName: String!, $role: Role!) {
    inviteMember(email: $email, displayName: $displayName, role: $role) {
      id
      email
      displayName
      role
      expiresAt
      acceptUrl
    }
  }
`);

export const RevokeInvitationMutation = graphql(`
  mutation RevokeInvitation($id: ID!) {
    revokeInvitation(id: $id)
  }
`);

export const ChangeMemberRoleMutation = graphql(`
  mutation ChangeMemberRole($userId: ID!, $role: Role!) {
    changeMemberRole(userId: $userId, role: $role) {
      id
      role
    }
  }
`);

export const RemoveMemberMutation = graphql(`
  mutation RemoveMember($userId: ID!) {
    removeMember(userId: $userId)
  }
`);
