// HTTP hardening, checked as a browser and an attacker see it: the headers of the
// web app, the api and the assets, over plain http and behind an https PUBLIC_URL.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApi } from '@rapport/api';
import { WEB_DIST } from '../../../apps/api/src/web/web-app.js';
import { startTestApp, createTestDatabase, type TestApp } from '../support/test-app.js';

const headersOf = async (url: string, init?: RequestInit) => {
  const res = await fetch(url, init);
  await res.arrayBuffer();
  return res;
};

function cspDirectives(header: string | null): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of (header ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) directives.set(name, values);
  }
  return directives;
}

describe('HTTP hardening', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('the web app ships no inline script or style, so a strict CSP costs it nothing', () => {
    const html = readFileSync(join(WEB_DIST, 'index.html'), 'utf8');
    for (const tag of html.match(/<script\b[^>]*>[\s\S]*?<\/script>/g) ?? []) {
      expect(tag).toMatch(/\bsrc="\/assets\/[^"]+\.js"/);
      expect(
        tag
          .replace(/<script\b[^>]*>/, '')
          .replace('</script>', '')
          .trim(),
      ).toBe('');
    }
    expect(html).not.toMatch(/<style\b|\sstyle="|\son[a-z]+="/i);
  });

  it('answers the web app with a strict Content-Security-Policy and the other headers', async () => {
    const res = await headersOf(`${t.url}/campaigns`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    const csp = cspDirectives(res.headers.get('content-security-policy'));
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('worker-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    for (const values of csp.values()) expect(values.join(' ')).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-powered-by')).toBeNull();
    // Plain http (no PUBLIC_URL): HSTS would lock a local instance out.
    expect(res.headers.get('strict-transport-security')).toBeNull();
    expect(res.headers.get('cache-control')).toBe('no-cache');
  });

  it('sends the same headers with the api, /health and errors, and never lets answers about people be cached', async () => {
    for (const [path, init] of [
      ['/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) }],
      ['/health', undefined],
      ['/no-such-thing.js', undefined],
    ] as const) {
      const res = await headersOf(`${t.url}${path}`, init as RequestInit | undefined);
      expect({ path, nosniff: res.headers.get('x-content-type-options'), poweredBy: res.headers.get('x-powered-by') }).toEqual({
        path,
        nosniff: 'nosniff',
        poweredBy: null,
      });
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    }
    const api = await headersOf(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(api.headers.get('cache-control')).toBe('no-store');
  });

  it('caches hashed assets for a year, immutable; index.html and sw.js never', async () => {
    const assets = readdirSync(join(WEB_DIST, 'assets')).filter((f) => /\.(js|css)$/.test(f));
    expect(assets.length).toBeGreaterThan(0);
    for (const file of assets.slice(0, 5)) {
      const res = await headersOf(`${t.url}/assets/${file}`);
      expect({ file, cache: res.headers.get('cache-control') }).toEqual({ file, cache: 'public, max-age=31536000, immutable' });
    }
    for (const path of ['/sw.js', '/index.html', '/', '/field']) {
      const res = await headersOf(`${t.url}${path}`, { headers: { accept: 'text/html' } });
      expect({ path, status: res.status, cache: res.headers.get('cache-control') }).toEqual({ path, status: 200, cache: 'no-cache' });
    }
  });

  it('turns HSTS on when PUBLIC_URL is https', async () => {
    const app = await createApi({
      databaseUrl: await createTestDatabase(),
      redisUrl: process.env.TEST_REDIS_URL!,
      queuePrefix: `t${Date.now()}`,
      logger: ['error'],
      publicUrl: 'https://rapport.example.org',
    });
    await app.listen(0, '127.0.0.1');
    try {
      const url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
      const res = await headersOf(`${url}/health`);
      expect(res.headers.get('strict-transport-security')).toMatch(/^max-age=31536000/);
      expect(res.headers.get('x-powered-by')).toBeNull();
    } finally {
      await app.close();
    }
  });
});
