import { graphql } from '../../../gql';

// Apart from myReminders (which the shell's badge loads on every page): only the reminders page needs these.
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
