import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { tap } from 'rxjs';
import { connectivity } from '../network/connectivity';
import { clearSession, getToken } from '../modules/auth/session';

/** Operations that need no token: an UNAUTHENTICATED answer there is a bad password, not an expired session. */
const PUBLIC_OPERATIONS = new Set(['SignIn', 'RegisterOrganization']);

export interface CreateApolloClientOptions {
  /** The link that talks to the API; an HttpLink to /graphql unless given (tests pass a MockLink). */
  terminatingLink?: ApolloLink;
  /** Called once the token was dropped after an UNAUTHENTICATED answer: go to /login. */
  onUnauthenticated?: () => void;
}

export function isUnauthenticated(error: unknown): boolean {
  if (CombinedGraphQLErrors.is(error)) {
    return error.errors.some((e) => e.extensions?.['code'] === 'UNAUTHENTICATED');
  }
  return ServerError.is(error) && error.statusCode === 401;
}

/** Adds `Authorization: Bearer <token>` when signed in. */
export const authLink = new SetContextLink((prevContext) => {
  const token = getToken();
  if (!token) return {};
  return { headers: { ...prevContext.headers, Authorization: `Bearer ${token}` } };
});

/**
 * True when the error means Rapport did not answer: no response at all, a gateway's
 * or the service worker's 502/503/504, or something that is not Rapport's JSON (a
 * captive portal's page). A GraphQL error is an answer.
 */
export function isNoAnswer(error: unknown): boolean {
  if (CombinedGraphQLErrors.is(error)) return false;
  if (ServerError.is(error)) return [502, 503, 504].includes(error.statusCode);
  if (error instanceof Error && error.name === 'AbortError') return false;
  return true;
}

/** Tells the connectivity state what happened to each request. */
export const connectivityLink = new ApolloLink((operation, forward) =>
  forward(operation).pipe(
    tap({
      next: () => connectivity.reportAnswered(),
      error: (error: unknown) => (isNoAnswer(error) ? connectivity.reportNoAnswer() : connectivity.reportAnswered()),
    }),
  ),
);

export function createErrorLink(onUnauthenticated?: () => void): ErrorLink {
  return new ErrorLink(({ error, operation }) => {
    if (PUBLIC_OPERATIONS.has(operation.operationName ?? '')) return;
    if (isUnauthenticated(error)) {
      clearSession();
      onUnauthenticated?.();
    }
  });
}

export function createApolloClient(options: CreateApolloClientOptions = {}): ApolloClient {
  const terminatingLink = options.terminatingLink ?? new HttpLink({ uri: '/graphql' });
  return new ApolloClient({
    link: ApolloLink.from([createErrorLink(options.onUnauthenticated), authLink, connectivityLink, terminatingLink]),
    // A query asked for again while the same one is on its way gets its own answer. With
    // Apollo's deduplication, the refetch after a second quick change (two people marked
    // committed in a row) joined the refetch after the first, still running, and showed the
    // count from before the second change.
    queryDeduplication: false,
    cache: new InMemoryCache({
      typePolicies: {
        // Types without an id of their own, identified by what they belong to, so a
        // mutation's answer (updateBrief) refreshes the query that showed them.
        NegotiationBrief: { keyFields: ['negotiation', ['id']] },
        CampaignProgress: { keyFields: ['campaign', ['id']] },
      },
    }),
  });
}
