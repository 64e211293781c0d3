import { useEffect } from 'react';
import { useApolloClient } from '@apollo/client/react';
import { isMember, useSession } from '../../auth/session';
import { RecordDuesPaymentMutation } from '../../membership/graphql/recordDues';
import { LogConversationMutation } from '../graphql/logConversation';
import { configureOutbox, startOutboxSync } from '../outbox/outbox';

/** Sends the signed-in member's waiting conversations, dues payments and attendance, wherever they are in the app. */
export function OutboxSync() {
  const session = useSession();
  const client = useApolloClient();
  const userId = session && isMember(session.user.role) ? session.user.id : undefined;

  useEffect(() => {
    if (!userId) return undefined;
    configureOutbox({
      userId,
      send: {
        // A talk at a turf door: the grid shown meanwhile (if any) is read again.
        conversation: (input) =>
          client.mutate({
            mutation: LogConversationMutation,
            variables: { input },
            fetchPolicy: 'no-cache',
            ...(input.doorId ? { refetchQueries: ['Buildings', 'RevisitList', 'BuildingProgress'] } : {}),
          }),
        // The contact page shown meanwhile gets the new membership and its receipt.
        dues: async (input) =>
          (await client.mutate({ mutation: RecordDuesPaymentMutation, variables: { input }, fetchPolicy: 'no-cache', refetchQueries: ['ContactMembership'] }))
            .data?.recordDuesPayment,
        // Loaded on first use: the attendance mutation stays out of the /field bundle.
        attendance: async (input) => (await import('../../casework/attendance')).sendAttendance(client, input),
        // Likewise the door batches of the turf grid.
        doors: async (input) => (await import('../../turf/doors')).sendDoors(client, input),
      },
    });
    const stop = startOutboxSync();
    return () => {
      stop();
      configureOutbox(null);
    };
  }, [userId, client]);

  return null;
}
