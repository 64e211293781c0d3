import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Logger as TypeOrmLogger } from 'typeorm';
import { createApi } from '@rapport/api';
import { runMigrations, type TrustProxy } from '@rapport/platform';
import type { AuthOptions } from '@rapport/auth';

/** A fresh, migrated database on the run's PostgreSQL: one per test file. */
export async function createTestDatabase(): Promise<string> {
  const admin = process.env.TEST_POSTGRES_URL;
  if (!admin) throw new Error('TEST_POSTGRES_URL is not set: run through jest (global-setup starts PostgreSQL)');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = admin.replace(/\/[^/]+$/, `/${name}`);
  await runMigrations(url);
  return url;
}

/** Counts SQL statements while `recording` is on (the N+1 tests use it). */
export class SqlCounter implements TypeOrmLogger {
  recording = false;
  statements: string[] = [];
  logQuery(query: string) {
    if (this.recording && !/^(START TRANSACTION|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)/i.test(query)) this.statements.push(query);
  }
  logQueryError() {}
  logQuerySlow() {}
  logSchemaBuild() {}
  logMigration() {}
  log() {}
  async count<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
    this.statements = [];
    this.recording = true;
    try {
      return { result: await work(), statements: [...this.statements] };
    } finally {
      this.recording = false;
    }
  }
}

export interface GqlResponse<T = Record<string, any>> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; extensions?: { code?: string; field?: string } }>;
}

export type TestApp = Awaited<ReturnType<typeof startTestApp>>;

/** The real api (HTTP on a free port) on its own database and the run's Redis. */
export async function startTestApp(options: { databaseUrl?: string; auth?: Partial<AuthOptions>; trustProxy?: TrustProxy } = {}) {
  const databaseUrl = options.databaseUrl ?? (await createTestDatabase());
  const redisUrl = process.env.TEST_REDIS_URL!;
  const sql = new SqlCounter();
  const queuePrefix = `t${randomBytes(4).toString('hex')}`;
  const app = await createApi({
    databaseUrl,
    redisUrl,
    queuePrefix,
    logger: ['error'],
    database: { logger: sql },
    // Tests do not read SMTP_URL or RAPPORT_* from the environment: what they need, they pass.
    auth: { operators: [], registration: 'open', smtpUrl: undefined, publicUrl: undefined, ...options.auth },
    trustProxy: options.trustProxy,
  });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;

  async function gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
    headers: Record<string, string> = {},
  ): Promise<GqlResponse<T>> {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const text = await res.text();
    try {
      return { status: res.status, ...JSON.parse(text) };
    } catch {
      return { status: res.status, errors: [{ message: text }] };
    }
  }

  /** Like gql, but fails the test on any error and returns `data`. */
  async function ok<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string, headers?: Record<string, string>): Promise<T> {
    const res = await gql<T>(query, variables, token, headers);
    if (res.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors)}`);
    return res.data as T;
  }

  const db = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  return {
    app,
    url,
    databaseUrl,
    redisUrl,
    queuePrefix,
    sql,
    db,
    gql,
    ok,
    async close() {
      await db.end();
      await app.close();
    },
  };
}

let counter = 0;
/** A new organisation with its first organiser; returns the organiser's token. */
export async function registerOrganization(t: TestApp, name = 'Test org') {
  const email = `organiser-${Date.now()}-${++counter}-${randomBytes(3).toString('hex')}@test.example`;
  const data = await t.ok<{ registerOrganization: { token: string; user: { id: string }; organization: { id: string } } }>(
    `mutation($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { token user { id } organization { id } } }`,
    { input: { organizationName: name, email, password: 'correct horse battery', displayName: 'Organiser' } },
    undefined,
    // Each organisation registered from its own address (a documentation range, believed from
    // loopback): a test file registers more than the 10 an hour one address may.
    { 'x-forwarded-for': `198.51.100.${(counter % 250) + 1}` },
  );
  return { ...data.registerOrganization, email };
}

/** Adds a member with the given role and signs them in; returns their token. */
export async function addMember(t: TestApp, organiserToken: string, role: 'ORGANISER' | 'LEADER' | 'ALLY') {
  const email = `${role.toLowerCase()}-${Date.now()}-${++counter}@test.example`;
  await t.ok(
    `mutation($email: String!, $role: Role!) { addMember(email: $email, displayName: "Member", role: $role, password: "correct horse battery") { id } }`,
    { email, role },
    organiserToken,
  );
  const signIn = await t.ok<{ signIn: { token: string; user: { id: string } } }>(
    `mutation($email: String!) { signIn(email: $email, password: "correct horse battery") { token user { id } } }`,
    { email },
  );
  return { token: signIn.signIn.token, userId: signIn.signIn.user.id, email };
}
