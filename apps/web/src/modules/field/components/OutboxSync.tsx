import { useEffect } from 'react';
import { useApolloClient } from '@apollo/client/react';
import { isMember, useSession } from '../../auth/session';
import { LogConversationMutation } from '../graphql/logConversation';
import { configureOutbox, startOutboxSync } from '../outbox/outbox';

/** Sends the signed-in member's waiting conversations, wherever they are in the app. */
export function OutboxSync() {
  const session = useSession();
  const client = useApolloClient();
  const userId = session && isMember(session.user.role) ? session.user.id : undefined;

  useEffect(() => {
    if (!userId) return undefined;
    configureOutbox({
      userId,
      send: (input) => client.mutate({ mutation: LogConversationMutation, variables: { input }, fetchPolicy: 'no-cache' }),
    });
    const stop = startOutboxSync();
    return () => {
      stop();
      configureOutbox(null);
    };
  }, [userId, client]);

  return null;
}
