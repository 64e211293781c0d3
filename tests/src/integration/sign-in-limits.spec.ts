// Sign-in limits written as the attack: parallel guesses, a rotating X-Forwarded-For,
// an attacker locking the owner out, mass registration.
import type { Redis } from 'ioredis';
import { AuthService } from '@rapport/auth';
import { REDIS, REDIS_KEY_PREFIX } from '@rapport/core';
import { startTestApp, registerOrganization, type TestApp, type GqlResponse } from '../support/test-app.js';

const SIGN_IN = `mutation($email: String!, $password: String!) { signIn(email: $email, password: $password) { token } }`;
const REGISTER = `mutation($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { token } }`;

/** A GraphQL request as if it came through the proxy from `address`. */
async function from(t: TestApp, address: string, query: string, variables: Record<string, unknown>): Promise<GqlResponse> {
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, ...((await res.json()) as object) };
}
const code = (res: GqlResponse) => res.errors?.[0]?.extensions?.code;

describe('sign-in limits behind a trusted proxy (loopback, the default)', () => {
  let t: TestApp;
  let owner: Awaited<ReturnType<typeof registerOrganization>>;
  let checks: () => number;

  beforeAll(async () => {
    t = await startTestApp();
    owner = await registerOrganization(t, 'Victim org');
    const auth = t.app.get(AuthService, { strict: false });
    checks = () => auth.passwordChecks;
  });
  afterAll(() => t.close());

  it('300 parallel wrong guesses for one email from one address get at most 10 password checks', async () => {
    const before = checks();
    const results = await Promise.all(
      Array.from({ length: 300 }, (_, i) => from(t, '203.0.113.7', SIGN_IN, { email: owner.email, password: `wrong guess number ${i}` })),
    );
    const made = checks() - before;
    const codes = results.map(code);
    expect(made).toBeLessThanOrEqual(10);
    expect(codes.filter((c) => c === 'UNAUTHENTICATED').length).toBe(made);
    expect(codes.filter((c) => c === 'TOO_MANY_REQUESTS').length).toBe(300 - made);
    expect(codes.every((c) => c === 'UNAUTHENTICATED' || c === 'TOO_MANY_REQUESTS')).toBe(true);
    const refused = results.find((r) => code(r) === 'TOO_MANY_REQUESTS')!;
    expect(refused.errors?.[0].message).toMatch(/Too many attempts/);

    // The attacker's address stays refused, even with the right password…
    expect(code(await from(t, '203.0.113.7', SIGN_IN, { email: owner.email, password: 'correct horse battery' }))).toBe('TOO_MANY_REQUESTS');
    // …while the owner, from their own address, signs in.
    const mine = await from(t, '198.51.100.23', SIGN_IN, { email: owner.email, password: 'correct horse battery' });
    expect(mine.errors).toBeUndefined();
    expect(mine.data?.signIn.token).toEqual(expect.any(String));
  });

  it('an attacker rotating addresses is stopped by the per-account limit', async () => {
    const target = await registerOrganization(t, 'Distributed target');
    const codes: Array<string | undefined> = [];
    for (let batch = 0; batch < 6; batch++) {
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) => from(t, `192.0.2.${batch * 10 + i + 1}`, SIGN_IN, { email: target.email, password: `guess ${batch}-${i}` })),
      );
      codes.push(...results.map(code));
    }
    expect(codes.filter((c) => c === 'UNAUTHENTICATED').length).toBe(50);
    expect(codes.filter((c) => c === 'TOO_MANY_REQUESTS').length).toBe(10);
  });

  it('keeps limiter keys short, however long the email', async () => {
    const email = `${'a'.repeat(240)}@${'b'.repeat(10)}.example`;
    await from(t, '203.0.113.99', SIGN_IN, { email, password: 'whatever password' });
    const redis = t.app.get<Redis>(REDIS, { strict: false });
    const prefix = t.app.get<string>(REDIS_KEY_PREFIX, { strict: false });
    const keys = await redis.keys(`${prefix}:limit:*`);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(key.length).toBeLessThan(160);
    expect(keys.some((k) => k.includes('a'.repeat(65)))).toBe(false);
  });

  it('limits registrations per address, successful ones included', async () => {
    const register = (address: string, i: number) =>
      from(t, address, REGISTER, {
        input: { organizationName: `Org ${i}`, email: `mass-${i}-${Date.now()}@reg.example`, password: 'correct horse battery', displayName: 'O' },
      });
    const codes: Array<string | undefined> = [];
    for (let i = 0; i < 11; i++) codes.push(code(await register('203.0.113.50', i)));
    expect(codes.slice(0, 10)).toEqual(Array(10).fill(undefined));
    expect(codes[10]).toBe('TOO_MANY_REQUESTS');
    expect(code(await register('203.0.113.51', 99))).toBeUndefined();
  });
});

describe('sign-in limits with TRUST_PROXY=none', () => {
  let t: TestApp;
  let owner: Awaited<ReturnType<typeof registerOrganization>>;

  beforeAll(async () => {
    t = await startTestApp({ trustProxy: false });
    owner = await registerOrganization(t, 'No proxy org');
  });
  afterAll(() => t.close());

  it('does not believe X-Forwarded-For: a new address per guess does not reset the limit', async () => {
    const codes: Array<string | undefined> = [];
    for (let i = 0; i < 11; i++) codes.push(code(await from(t, `198.18.0.${i + 1}`, SIGN_IN, { email: owner.email, password: `guess ${i}` })));
    expect(codes.slice(0, 10)).toEqual(Array(10).fill('UNAUTHENTICATED'));
    expect(codes[10]).toBe('TOO_MANY_REQUESTS');
  });
});
