import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin, type ResolvedConfig } from 'vite';
// Plain ESM, shared with scripts/measure-bundle.mjs (types in route-files.d.mts).
import { LOCALE_CATALOGS, OFFLINE_PAGES, fieldOnDemandFiles, fieldRouteFiles, readManifest, signedInPreloads, staticClosure } from './scripts/route-files.mjs';

const root = fileURLToPath(new URL('.', import.meta.url));
const sharedSrc = fileURLToPath(new URL('../../libs/shared/src/index.ts', import.meta.url));

/** The build's output folder, absolute (what closeBundle hooks read back). */
const outDirOf = (config: ResolvedConfig) => (config.build.outDir.startsWith('/') ? config.build.outDir : join(config.root, config.build.outDir));

/**
 * Fills public/sw.js's BUILD constant once the bundle is written: the files /field
 * needs (precached at install) and a version derived from them, so every build that
 * changes the app ships a new service worker.
 */
function serviceWorker(): Plugin {
  let outDir = '';
  return {
    name: 'rapport-service-worker',
    apply: 'build',
    configResolved(config) {
      outDir = outDirOf(config);
    },
    closeBundle() {
      // A failed build writes no manifest: let its own error show, not this one.
      if (!existsSync(join(outDir, '.vite/manifest.json'))) return;
      const manifest = readManifest(outDir);
      const { js, css } = fieldRouteFiles(manifest);
      // The other languages' catalogs load on demand; an English speaker offline needs theirs too.
      const catalogs = staticClosure(manifest, LOCALE_CATALOGS).js;
      // And what the field form loads on demand (the phone rules), or saving offline would wait for a signal.
      const onDemand = fieldOnDemandFiles(manifest);
      // And signing out, which loads on demand too.
      const pages = staticClosure(manifest, OFFLINE_PAGES);
      const precache = [...new Set([...js, ...catalogs, ...onDemand.js, ...pages.js]), ...new Set([...css, ...onDemand.css, ...pages.css])].map(
        (file) => `/${file}`,
      );
      const version = createHash('sha256')
        .update(readFileSync(join(outDir, 'index.html')))
        .update(precache.join('\n'))
        .digest('hex')
        .slice(0, 12);
      const swPath = join(outDir, 'sw.js');
      const placeholder = "const BUILD = { version: 'dev', precache: [] };";
      const source = readFileSync(swPath, 'utf8');
      if (!source.includes(placeholder)) throw new Error('sw.js: BUILD placeholder not found');
      writeFileSync(swPath, source.replace(placeholder, `const BUILD = ${JSON.stringify({ version, precache })};`));
    },
  };
}

/**
 * dist/app.html: index.html with Apollo's code and the shell's API parts preloaded (at low
 * priority, as the app's own code): what every page but the sign-in page loads with it
 * (src/apollo/lazy.tsx), found by the browser with the entry rather than after the entry
 * has run. The api serves it for every page but `/login` and `/`, where a signed-out
 * visitor lands (apps/api/src/web/web-app.ts). Once the service worker is installed it
 * answers every page with index.html: the files are then in its cache.
 */
function signedInShell(): Plugin {
  let outDir = '';
  return {
    name: 'rapport-signed-in-shell',
    apply: 'build',
    configResolved(config) {
      outDir = outDirOf(config);
    },
    closeBundle() {
      if (!existsSync(join(outDir, '.vite/manifest.json'))) return;
      const links = signedInPreloads(readManifest(outDir)).map((file) => `<link rel="modulepreload" fetchpriority="low" crossorigin href="/${file}">`);
      const html = readFileSync(join(outDir, 'index.html'), 'utf8');
      if (!html.includes('</head>')) throw new Error('index.html: </head> not found');
      writeFileSync(join(outDir, 'app.html'), html.replace('</head>', `  ${links.join('\n    ')}\n  </head>`));
    },
  };
}

/**
 * `graphql(\`query Me {…}\`)` becomes the document itself, inlined from src/gql/graphql.ts.
 * The codegen's graphql() looks documents up in a map holding every operation of the
 * app, and a shared module is never split by the bundler: every page would download
 * every operation. Inlined, each chunk carries only the documents it uses (what the
 * client preset's Babel plugin is for, without Babel). One-line literals keep line
 * numbers, so source maps stay right. Unknown documents (stale codegen) are left as calls.
 */
function inlineDocuments(): Plugin {
  const src = join(root, 'src');
  const generated = join(root, 'src/gql');
  const documentsModule = join(generated, 'graphql.ts');
  const call = /\bgraphql\(\s*`([^`]*)`\s*\)/g;
  let cache: { mtime: number; documents: Map<string, string> } | null = null;

  function documents(): Map<string, string> {
    const mtime = statSync(documentsModule).mtimeMs;
    if (cache?.mtime !== mtime) {
      const found = new Map<string, string>();
      const source = readFileSync(documentsModule, 'utf8');
      for (const match of source.matchAll(/^export const (\w+) = (\{.*\}) as unknown as DocumentNode</gm)) found.set(match[1]!, match[2]!);
      cache = { mtime, documents: found };
    }
    return cache.documents;
  }

  return {
    name: 'rapport-inline-documents',
    enforce: 'pre',
    transform(code, id) {
      const file = id.split('?')[0]!;
      if (!file.startsWith(src) || file.startsWith(generated) || !/\.tsx?$/.test(file) || !code.includes('graphql(')) return null;
      let changed = false;
      const rewritten = code.replace(call, (whole, body: string) => {
        const definition = /^\s*(query|mutation|subscription|fragment)\s+(\w+)/m.exec(body);
        const name = definition && (definition[1] === 'fragment' ? `${definition[2]}FragmentDoc` : `${definition[2]}Document`);
        const literal = name ? documents().get(name) : undefined;
        if (!literal) return whole;
        changed = true;
        return `(${literal})`;
      });
      return changed ? { code: rewritten, map: null } : null;
    },
  };
}

/**
 * The app's code at low fetch priority (`fetchpriority="low"` on the entry script and
 * its modulepreloads): the first paint needs only the HTML and the stylesheet (index.html
 * paints the frame itself; module scripts never block rendering), so on a slow link the
 * stylesheet goes first and the code right after, instead of sharing the bandwidth.
 */
function paintBeforeCode(): Plugin {
  return {
    name: 'rapport-paint-before-code',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) =>
        html
          .replace(/<script type="module" crossorigin/g, '<script type="module" fetchpriority="low" crossorigin')
          .replace(/<link rel="modulepreload"/g, '<link rel="modulepreload" fetchpriority="low"'),
    },
  };
}

/**
 * The app is written against React's API and runs on Preact's compatibility layer
 * (preact/compat, about 5 KB gzipped instead of React DOM's 60): every import of React
 * (ours, Apollo Client's, wouter's, the tests') resolves to it. Exact matches only, so
 * `@testing-library/react` itself is not caught.
 */
const preactCompat = [
  { find: /^react$/, replacement: 'preact/compat' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react-dom\/test-utils$/, replacement: 'preact/test-utils' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/compat/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/compat/jsx-dev-runtime' },
  // wouter's fallback for React < 18 (CommonJS, requires React): compat has the hook itself.
  { find: /^use-sync-external-store\/shim(\/index\.js)?$/, replacement: 'preact/compat' },
];

// No @vitejs/plugin-react: Vite 8 transforms TSX with Oxc, told to use the automatic JSX
// runtime of `react`, which the aliases above point at Preact's.
// (No Fast Refresh in dev: edits reload the page.)
export default defineConfig({
  root,
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'react' },
  },
  resolve: {
    alias: [
      // libs/shared's package.json points at its dist/; bundle its sources directly.
      { find: '@rapport/shared', replacement: sharedSrc },
      ...preactCompat,
    ],
  },
  plugins: [inlineDocuments(), serviceWorker(), signedInShell(), paintBeforeCode()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // Read by the service worker plugin above and by scripts/measure-bundle.mjs.
    manifest: true,
  },
  server: {
    port: 5173,
    proxy: {
      // The API (apps/api) serves /graphql; point VITE_API_URL at it in dev.
      '/graphql': { target: process.env.VITE_API_URL ?? 'http://localhost:3000', changeOrigin: true },
    },
  },
});
