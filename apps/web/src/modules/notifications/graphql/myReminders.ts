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
