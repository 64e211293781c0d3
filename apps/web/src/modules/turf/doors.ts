import type { ApolloClient } from '@apollo/client';
import type { ConversationOutcome } from '@rapport/shared';
import type { DoorsInput } from '../field/outbox/store';
import { LogDoorsVisitMutation } from './graphql/turf';

// The outbox's sender for door batches, loaded on first use (kept out of the /field bundle).

/** logDoorsVisit dedupes on the batch's clientId: a resend writes nothing twice. The grid is read again. */
export async function sendDoors(client: ApolloClient, input: DoorsInput): Promise<unknown> {
  const result = await client.mutate({
    mutation: LogDoorsVisitMutation,
    variables: { input: { ...input, outcome: input.outcome as ConversationOutcome } },
    fetchPolicy: 'no-cache',
    refetchQueries: ['Buildings', 'RevisitList', 'BuildingProgress'],
  });
  return result.data?.logDoorsVisit;
}
