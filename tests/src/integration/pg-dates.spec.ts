// `parseTimestamptz` (libs/db) reads PostgreSQL's timestamps digit by digit instead of
// through pg's regular expressions. Checked here against pg's own parser on what a real
// PostgreSQL writes: random instants in zones with odd offsets, and the edges (years
// before 100 and after 9999, BC, infinity, historic offsets with seconds, fractions of
// every length).
import pg from 'pg';
import { TIMESTAMPTZ_OID, dataSourceOptions, parseTimestamptz, parseTimestamptzAsPg } from '@rapport/db';

const ZONES = ['UTC', 'Europe/Paris', 'Asia/Kolkata', 'America/St_Johns', 'Pacific/Chatham', 'Asia/Kathmandu', 'America/Los_Angeles'];
const EDGES = [
  '0001-01-01 00:00:00+00 BC',
  '0050-06-15 12:00:00+00',
  '0099-12-31 23:59:59.999999+00',
  '0100-01-01 00:00:00+00',
  '1850-03-01 08:00:00+00',
  '1900-01-01 00:00:00.5+00',
  '1970-01-01 00:00:00+00',
  '2026-12-03 07:43:10.1+00',
  '2026-12-03 07:43:10.12+00',
  '2026-12-03 07:43:10.123+00',
  '2026-12-03 07:43:10.1234+00',
  '2026-12-03 07:43:10.123456+00',
  '9999-12-31 23:59:59.999999+00',
  '12345-06-07 08:09:10+00',
  'infinity',
  '-infinity',
];

/** Both parsers agree: the same instant, or the same non-Date (infinity). */
function same(text: string) {
  const fast = parseTimestamptz(text);
  const reference = parseTimestamptzAsPg(text);
  const value = (v: unknown) => (v instanceof Date ? ['Date', v.getTime()] : [typeof v, v]);
  expect([text, ...value(fast)]).toEqual([text, ...value(reference)]);
}

describe('parseTimestamptz', () => {
  let client: pg.Client;
  const asText = { getTypeParser: () => (value: string) => value };

  beforeAll(async () => {
    client = new pg.Client({ connectionString: process.env.TEST_POSTGRES_URL });
    await client.connect();
  });
  afterAll(() => client.end());

  it('gives the Date pg gives, for what PostgreSQL writes in every zone', async () => {
    let checked = 0;
    for (const zone of ZONES) {
      await client.query(`SET TIME ZONE '${zone}'`);
      await client.query('SELECT setseed(0.42)');
      const { rows } = await client.query<{ t: string }>({
        text: `SELECT (timestamptz '1800-01-01 00:00:00+00' + random() * interval '300 years')::text AS t FROM generate_series(1, 1500)
               UNION ALL SELECT date_trunc('second', timestamptz '2020-01-01+00' + random() * interval '10 years')::text FROM generate_series(1, 200)
               UNION ALL SELECT unnest($1::timestamptz[])::text`,
        values: [EDGES],
        types: asText,
      });
      for (const { t } of rows) same(t);
      checked += rows.length;
      // The odd shapes do reach the fast path's checks (a zone with seconds, a 5-digit year, BC).
      expect(rows.some(({ t }) => / BC$/.test(t))).toBe(true);
    }
    expect(checked).toBe(ZONES.length * (1700 + EDGES.length));
    expect(
      rows1850Paris(await client.query({ text: `SET TIME ZONE 'Europe/Paris'; SELECT timestamptz '1850-03-01 08:00:00+00' AS t`, types: asText })),
    ).toMatch(/\+00:09:21$/);
  });

  it('reads the shapes it takes in place, and hands the others to pg', () => {
    for (const text of [...EDGES, 'garbage', '2026-12-03T07:43:10Z', '2026-12-03 07:43:10+5', '2026-12-03 07:43:10+05:3', '2026-12-03 07:43:1x+00']) same(text);
    expect(parseTimestamptz('2026-12-03 07:43:10.123456-03:30')).toEqual(new Date('2026-12-03T11:13:10.123Z'));
  });

  it('is the parser of every data source Rapport opens', () => {
    dataSourceOptions({ url: 'postgres://unused', entities: [], migrations: [] });
    expect(pg.types.getTypeParser(TIMESTAMPTZ_OID, 'text')).toBe(parseTimestamptz);
  });
});

/** The text of a multi-statement query's last result's one value. */
function rows1850Paris(results: unknown): string {
  const last = (results as Array<{ rows: Array<{ t: string }> }>).at(-1)!;
  return last.rows[0].t;
}
