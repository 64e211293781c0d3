import { graphql } from '../../../gql';

export const MyRemindersQuery = graphql(`
  query MyReminders {
    myReminders {
      id
      kind
      remindAt
      status
      sentAt
      doneAt
      attempts
      message
      link
    }
  }
`);

export const CompleteReminderMutation = graphql(`
  mutation CompleteReminder($id: ID!) {
    completeReminder(id: $id) {
      id
      status
      doneAt
      remindAt
      sentAt
    }
  }
`);

export const SnoozeReminderMutation = graphql(`
  mutation SnoozeReminder($id: ID!, $until: DateTime!) {
    snoozeReminder(id: $id, until: $until) {
      id
      status
      doneAt
      remindAt
      sentAt
      attempts
    }
  }
`);
