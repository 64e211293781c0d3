// HTTP hardening, checked as a browser and an attacker see it: the headers of the
// web app, the api and the assets, over plain http and behind an https PUBLIC_URL.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { get as httpGet, type IncomingHttpHeaders } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
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
    for (const page of ['index.html', 'app.html']) {
      const html = readFileSync(join(WEB_DIST, page), 'utf8');
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
    }
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

  it('serves every text asset and the shell precompressed (brotli, else gzip), byte for byte the built file', async () => {
    const raw = (path: string, acceptEncoding: string) =>
      new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
        const req = httpGet(`${t.url}${path}`, { headers: { 'accept-encoding': acceptEncoding, accept: 'text/html,*/*' } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
        });
        req.on('error', reject);
      });
    const texts = readdirSync(join(WEB_DIST, 'assets')).filter((f) => /\.(js|css)$/.test(f) && statSync(join(WEB_DIST, 'assets', f)).size >= 1024);
    expect(texts.length).toBeGreaterThan(5);
    for (const file of texts) {
      const built = readFileSync(join(WEB_DIST, 'assets', file));
      const br = await raw(`/assets/${file}`, 'gzip, deflate, br');
      expect({ file, encoding: br.headers['content-encoding'], vary: br.headers['vary'], cache: br.headers['cache-control'] }).toEqual({
        file,
        encoding: 'br',
        vary: 'Accept-Encoding',
        cache: 'public, max-age=31536000, immutable',
      });
      expect(br.headers['content-type']).toMatch(file.endsWith('.js') ? /javascript/ : /text\/css/);
      expect(brotliDecompressSync(br.body).equals(built)).toBe(true);
      const gz = await raw(`/assets/${file}`, 'gzip');
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(gz.body).equals(built)).toBe(true);
      const plain = await raw(`/assets/${file}`, 'identity');
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body.equals(built)).toBe(true);
    }
    // The shell of a client-side route, and brotli refused with q=0.
    const shell = await raw('/field', 'br;q=0, gzip');
    expect({ status: shell.status, encoding: shell.headers['content-encoding'], cache: shell.headers['cache-control'] }).toEqual({
      status: 200,
      encoding: 'gzip',
      cache: 'no-cache',
    });
    expect(gunzipSync(shell.body).equals(readFileSync(join(WEB_DIST, 'app.html')))).toBe(true);
    // The password reset and invitation pages ask the API as the signed-in pages do.
    for (const path of ['/reset-password/abc', '/invitation/abc', '/login-help']) {
      const page = await raw(path, 'br');
      expect({ path, app: brotliDecompressSync(page.body).equals(readFileSync(join(WEB_DIST, 'app.html'))) }).toEqual({ path, app: true });
    }
    // Where a signed-out visitor lands gets index.html, which preloads no Apollo Client.
    for (const path of ['/login', '/']) {
      const page = await raw(path, 'br');
      expect({ path, encoding: page.headers['content-encoding'] }).toEqual({ path, encoding: 'br' });
      expect(brotliDecompressSync(page.body).equals(readFileSync(join(WEB_DIST, 'index.html')))).toBe(true);
    }
    // A path outside the build is never looked up on disk: what comes back is the shell, not package.json.
    const escape = await raw('/assets/..%2f..%2fpackage.json', 'br');
    expect(brotliDecompressSync(escape.body).equals(readFileSync(join(WEB_DIST, 'app.html')))).toBe(true);
  });

  it("preloads Apollo's code on the signed-in pages' shell (app.html) only", () => {
    const manifest = JSON.parse(readFileSync(join(WEB_DIST, '.vite/manifest.json'), 'utf8')) as Record<string, { file: string }>;
    const apollo = `href="/${manifest['src/apollo/provider.tsx']!.file}"`;
    const index = readFileSync(join(WEB_DIST, 'index.html'), 'utf8');
    const app = readFileSync(join(WEB_DIST, 'app.html'), 'utf8');
    expect(index).not.toContain(apollo);
    expect(app).toContain(`<link rel="modulepreload" fetchpriority="low" crossorigin ${apollo}>`);
    // Otherwise the same page: the frame, the entry script, its stylesheet.
    expect(app.replace(/\s*<link rel="modulepreload"[^>]*>/g, '')).toBe(index.replace(/\s*<link rel="modulepreload"[^>]*>/g, ''));
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
