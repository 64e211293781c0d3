import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { renderSchema } from '../../../apps/api/src/graphql/render-schema.js';
import { pendingSchemaChanges } from '@rapport/platform';
import { startTestApp, registerOrganization, type TestApp } from '../support/test-app.js';

const root = join(process.cwd(), '..');

describe('foundation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers /health with db and redis up', async () => {
    const res = await fetch(`${t.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', db: 'up', redis: 'up' });
  });

  it('has migrations that match the entities (generating one would produce nothing)', async () => {
    expect(await pendingSchemaChanges(t.databaseUrl)).toEqual([]);
  });

  it('has a committed apps/api/schema.graphql that matches the resolvers (run `npm run schema`)', async () => {
    const committed = await readFile(join(root, 'apps/api/schema.graphql'), 'utf8');
    expect(committed).toBe(renderSchema(t.app));
  });

  it('refuses a request body over 1 MB with 413', async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ me { id } }', variables: { pad: 'x'.repeat(1_100_000) } }),
    });
    expect(res.status).toBe(413);
  });

  it('registers an organisation and signs in', async () => {
    const org = await registerOrganization(t);
    const me = await t.ok<{ me: { role: string } }>('{ me { role } }', undefined, org.token);
    expect(me.me.role).toBe('ORGANISER');
  });
});
