import { describe, expect, it, vi } from 'vitest';
import { ApolloLink, gql } from '@apollo/client';
import { Observable } from 'rxjs';
import { Role } from '@rapport/shared';
import { SignInMutation } from '../modules/auth/graphql/signIn';
import { getSession, setSession } from '../modules/auth/session';
import { createApolloClient } from './client';

// A test-only operation (codegen skips test files).
const MeQuery = gql`
  query TestMe {
    me {
      id
    }
  }
`;

/** A terminating link that records the headers it was given and answers `respond()`. */
function fakeApi(respond: () => ApolloLink.Result) {
  const seen: Array<Record<string, string>> = [];
  const link = new ApolloLink((operation) => {
    seen.push({ ...(operation.getContext().headers ?? {}) });
    return new Observable((observer) => {
      observer.next(respond());
      observer.complete();
    });
  });
  return { link, seen };
}

const session = { token: 'tok-abc', user: { id: 'u1', email: 'a@example.org', displayName: 'Awa', role: Role.ORGANISER } };

describe('Apollo client', () => {
  it('adds Authorization: Bearer <token> when signed in, nothing otherwise', async () => {
    const api = fakeApi(() => ({ data: { me: { __typename: 'User', id: 'u1' } } }));
    const client = createApolloClient({ terminatingLink: api.link });

    await client.query({ query: MeQuery, fetchPolicy: 'no-cache' });
    setSession(session);
    await client.query({ query: MeQuery, fetchPolicy: 'no-cache' });

    expect(api.seen[0]?.Authorization).toBeUndefined();
    expect(api.seen[1]?.Authorization).toBe('Bearer tok-abc');
  });

  it('drops the token and calls onUnauthenticated on an UNAUTHENTICATED error', async () => {
    setSession(session);
    const onUnauthenticated = vi.fn();
    const api = fakeApi(() => ({ errors: [{ message: 'Session expired', extensions: { code: 'UNAUTHENTICATED' } }] }));
    const client = createApolloClient({ terminatingLink: api.link, onUnauthenticated });

    await expect(client.query({ query: MeQuery })).rejects.toThrow('Session expired');

    expect(getSession()).toBeNull();
    expect(onUnauthenticated).toHaveBeenCalledTimes(1);
  });

  it('leaves the session alone on other errors, and on a failed sign-in', async () => {
    setSession(session);
    const onUnauthenticated = vi.fn();
    const forbidden = fakeApi(() => ({ errors: [{ message: 'No', extensions: { code: 'FORBIDDEN' } }] }));
    await expect(createApolloClient({ terminatingLink: forbidden.link, onUnauthenticated }).query({ query: MeQuery })).rejects.toThrow();

    const badPassword = fakeApi(() => ({ errors: [{ message: 'Wrong password', extensions: { code: 'UNAUTHENTICATED' } }] }));
    await expect(
      createApolloClient({ terminatingLink: badPassword.link, onUnauthenticated }).mutate({
        mutation: SignInMutation,
        variables: { email: 'a@example.org', password: 'nope' },
      }),
    ).rejects.toThrow('Wrong password');

    expect(getSession()).not.toBeNull();
    expect(onUnauthenticated).not.toHaveBeenCalled();
  });
});
