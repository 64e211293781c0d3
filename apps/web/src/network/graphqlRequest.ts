import { print } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { connectivity } from './connectivity';

/** An answer that is not GraphQL's: a gateway's or the service worker's 502–504, a captive portal's page, or Rapport failing. */
export class NoAnswerError extends Error {
  constructor(readonly status: number) {
    super(`no answer from Rapport (HTTP ${status})`);
    this.name = 'NoAnswerError';
  }
}

/**
 * One operation sent without Apollo Client: the sign-in page's, which starts before (and
 * without) Apollo's code (apollo/lazy.tsx). It fails as Apollo's links do, so the same
 * messages show (apollo/errors.ts): CombinedGraphQLErrors when the API answered with
 * errors, anything else when it did not answer; the connectivity state hears of both.
 */
export async function graphqlRequest<TData, TVariables>(document: TypedDocumentNode<TData, TVariables>, variables: TVariables): Promise<TData> {
  type Answer = { data?: TData | null; errors?: ConstructorParameters<typeof CombinedGraphQLErrors>[0]['errors'] };
  const { status, body } = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json;q=0.9' },
    body: JSON.stringify({ query: print(document), variables }),
  }).then(
    async (response) => ({ status: response.status, body: (await response.json().catch(() => null)) as Answer | null }),
    (error: unknown) => {
      connectivity.reportNoAnswer();
      throw error;
    },
  );
  if (!body || typeof body !== 'object' || !('data' in body || 'errors' in body)) {
    // As apollo/client.ts's isNoAnswer: a gateway's 502–504 or a page that is not Rapport's
    // (a captive portal's) is no answer; Rapport's own failure (a 500) is an answer.
    if (status >= 400 && ![502, 503, 504].includes(status)) connectivity.reportAnswered();
    else connectivity.reportNoAnswer();
    throw new NoAnswerError(status);
  }
  connectivity.reportAnswered();
  if (body.errors?.length) throw new CombinedGraphQLErrors(body);
  if (!body.data) throw new NoAnswerError(status);
  return body.data;
}
