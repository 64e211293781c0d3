import { useEffect } from 'react';
import { useClientWhenAsked } from '../../../apollo/lazy';
import { isMember, useSession } from '../../auth/session';
import { RecordDuesPaymentMutation } from '../../membership/graphql/recordDues';
import { LogConversationMutation } from '../graphql/logConversation';
import { configureOutbox, startOutboxSync } from '../outbox/outbox';

/**
 * Sends the signed-in member's waiting conversations, dues payments and attendance, wherever
 * they are in the app. Part of the app's own code (it renders nothing and holds no Apollo
 * code): the client is asked for at each send, loading Apollo's code then if need be, and
 * a send that fails for want of it (offline, never loaded) is tried again by the outbox.
 */
export function OutboxSync() {
  const session = useSession();
  const apollo = useClientWhenAsked();
  const userId = session && isMember(session.user.role) ? session.user.id : undefined;

  useEffect(() => {
    if (!userId) return undefined;
    configureOutbox({
      userId,
      send: {
        // A talk at a turf door: the grid shown meanwhile (if any) is read again.
        conversation: async (input) =>
          (await apollo()).mutate({
            mutation: LogConversationMutation,
            variables: { input },
            fetchPolicy: 'no-cache',
            ...(input.doorId ? { refetchQueries: ['Buildings', 'RevisitList', 'BuildingProgress'] } : {}),
          }),
        // The contact page shown meanwhile gets the new membership and its receipt.
        dues: async (input) =>
          (
            await (
              await apollo()
            ).mutate({ mutation: RecordDuesPaymentMutation, variables: { input }, fetchPolicy: 'no-cache', refetchQueries: ['ContactMembership'] })
          ).data?.recordDuesPayment,
        // Loaded on first use: the attendance mutation stays out of the /field bundle.
        attendance: async (input) => (await import('../../casework/attendance')).sendAttendance(await apollo(), input),
        // Likewise the door batches of the turf grid.
        doors: async (input) => (await import('../../turf/doors')).sendDoors(await apollo(), input),
      },
    });
    const stop = startOutboxSync();
    return () => {
      stop();
      configureOutbox(null);
    };
  }, [userId, apollo]);

  return null;
}
