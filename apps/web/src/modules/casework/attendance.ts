import type { ApolloClient } from '@apollo/client';
import { graphql } from '../../gql';
import type { AttendanceInput } from '../field/outbox/store';

// The outbox's sender for attendance, loaded on first use (kept out of the /field
// bundle, and self-contained so that loading it needs no other chunk).

const SendAttendanceMutation = graphql(`
  mutation SendAttendance($sessionId: ID!, $contactIds: [ID!]!) {
    recordAttendance(sessionId: $sessionId, contactIds: $contactIds) {
      id
      attendeeCount
    }
  }
`);

/** recordAttendance is idempotent: a resend adds nobody twice. The session's page is read again. */
export async function sendAttendance(client: ApolloClient, input: AttendanceInput): Promise<unknown> {
  const result = await client.mutate({ mutation: SendAttendanceMutation, variables: input, fetchPolicy: 'no-cache', refetchQueries: ['Sessions'] });
  return result.data?.recordAttendance;
}
