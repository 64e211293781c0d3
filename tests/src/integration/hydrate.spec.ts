// `hydrate` (libs/db) builds entities from plain-SQL rows with a per-entity shortcut for
// the columns pg already parses as TypeORM wants them. Checked here against TypeORM's own
// column-by-column path, on every table of the seeded demo, as read by a column list and
// as read by `row_to_json` (which is how raised issues bring their issues: dates as text).
import { DataSource, type EntityMetadata, type ObjectLiteral } from 'typeorm';
import { hydrate, columnList } from '@rapport/db';
import { seedDemo } from '../../../apps/api/src/seed/demo-seed.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

function asTypeOrmDoes(ds: DataSource, metadata: EntityMetadata, row: Record<string, unknown>): ObjectLiteral {
  const entity = metadata.create() as ObjectLiteral;
  for (const column of metadata.columns) {
    if (column.databaseName in row) column.setEntityValue(entity, ds.driver.prepareHydratedValue(row[column.databaseName], column));
  }
  return entity;
}

describe('hydrate', () => {
  let t: TestApp;
  let ds: DataSource;

  beforeAll(async () => {
    t = await startTestApp();
    await seedDemo(t.app, t.url);
    ds = t.app.get(DataSource);
  }, 180_000);
  afterAll(() => t.close());

  it('builds every table’s rows as TypeORM does', async () => {
    let tables = 0;
    for (const metadata of ds.entityMetadatas) {
      const rows = (await ds.query(`SELECT ${columnList(ds.manager, metadata.target)} FROM ${metadata.tableName} LIMIT 50`)) as Record<string, unknown>[];
      if (rows.length) tables++;
      for (const row of rows)
        expect([metadata.name, hydrate(ds.manager, metadata.target, row)]).toStrictEqual([metadata.name, asTypeOrmDoes(ds, metadata, row)]);
    }
    expect(tables).toBeGreaterThan(20); // the demo fills most tables
  });

  it('makes Dates of the dates row_to_json gives as text', async () => {
    for (const name of ['Issue', 'Contact', 'Conversation']) {
      const metadata = ds.getMetadata(name);
      const rows = (await ds.query(`SELECT ${columnList(ds.manager, metadata.target)}, row_to_json(t) AS json FROM ${metadata.tableName} t LIMIT 20`)) as Array<
        Record<string, unknown> & { json: Record<string, unknown> }
      >;
      expect(rows.length).toBeGreaterThan(0);
      for (const { json, ...row } of rows) {
        const built = hydrate(ds.manager, metadata.target, json);
        expect(built.createdAt).toBeInstanceOf(Date);
        expect(built).toStrictEqual(hydrate(ds.manager, metadata.target, row));
      }
    }
  });
});
