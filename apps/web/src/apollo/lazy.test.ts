import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { API_PARTS } from '../../scripts/route-files.mjs';

// Vitest runs in apps/web.
const web = process.cwd();

describe('the shell parts loaded with Apollo', () => {
  it('are all listed in API_PARTS, so /field precaches and preloads them', () => {
    const shellDir = join(web, 'src/modules/shell/components');
    const shell = readFileSync(join(shellDir, 'Shell.tsx'), 'utf8');
    const parts = [...shell.matchAll(/apiPart\(\(\) => import\('([^']+)'\)/g)].map(([, path]) => resolve(shellDir, `${path}.tsx`));
    expect(parts.length).toBeGreaterThan(0);
    const listed = API_PARTS.map((key) => join(web, key));
    for (const part of parts) expect(listed).toContain(part);
    expect(listed).toContain(join(web, 'src/apollo/provider.tsx'));
  });
});
