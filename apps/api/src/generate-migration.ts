// `npm run migration:generate -- <name>`: writes migrations/<timestamp>-<name>.ts with
// the SQL that the entities need and the existing migrations lack, computed on a
// throwaway embedded PostgreSQL. Review it like code, then add it to migrations/index.ts.
import 'reflect-metadata';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createDataSource } from '@rapport/db';
import { rapportDataSourceConfig } from '@rapport/platform';
import { startLocalPostgres } from '@rapport/local-services';

const name = process.argv[2];
if (!name || !/^[a-z0-9-]+$/.test(name)) {
  console.error('usage: npm run migration:generate -- <kebab-case-name>');
  process.exit(1);
}
const dir = await mkdtemp(join(tmpdir(), 'rapport-migration-'));
const pg = await startLocalPostgres({ dataDir: join(dir, 'pg'), throwaway: true });
try {
  const ds = createDataSource(rapportDataSourceConfig(pg.url));
  await ds.initialize();
  await ds.runMigrations();
  const sql = await ds.driver.createSchemaBuilder().log();
  await ds.destroy();
  if (sql.upQueries.length === 0) {
    console.log('No changes: entities and migrations agree.');
  } else {
    const timestamp = Date.now();
    const className = name.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase()) + timestamp;
    const esc = (q: string) => q.replace(/\\/g, '\\\\').replace(/`/g, '\\`');
    const up = sql.upQueries.map((q) => `    await queryRunner.query(\`${esc(q.query)}\`);`).join('\n');
    const down = sql.downQueries
      .reverse()
      .map((q) => `    await queryRunner.query(\`${esc(q.query)}\`);`)
      .join('\n');
    const file = resolve('migrations', `${timestamp}-${name}.ts`);
    await writeFile(
      file,
      `import type { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${className} implements MigrationInterface {\n  name = '${className}';\n\n  async up(queryRunner: QueryRunner): Promise<void> {\n${up}\n  }\n\n  async down(queryRunner: QueryRunner): Promise<void> {\n${down}\n  }\n}\n`,
    );
    console.log(`Wrote ${file}: add ${className} to migrations/index.ts`);
  }
} finally {
  await pg.stop();
  await rm(dir, { recursive: true, force: true });
}
process.exit(0);
