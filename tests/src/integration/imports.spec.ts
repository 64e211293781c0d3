import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync, crc32 } from 'node:zlib';
import { addMember, registerOrganization, startTestApp, type TestApp } from '../support/test-app.js';
import { spawnWorker, workerEnv, type WorkerProcess } from '../support/reminders-app.js';

// Spreadsheet imports end to end: the real api (upload, GraphQL), a real worker process
// (apps/worker) taking the BullMQ job, real PostgreSQL and Redis, the committed fixtures.

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/imports');
const fixture = (name: string) => readFileSync(join(fixtures, name));

const JOB = `id fileName encoding delimiter status totalRows processedRows created updated skipped failed dryRun createdAt finishedAt
  mapping { column field samples } errors { row field message }`;

let t: TestApp;
let worker: WorkerProcess;
let token: string;

async function upload(name: string, body: Buffer, as = token) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(body)]), name);
  const res = await fetch(`${t.url}/imports`, { method: 'POST', headers: { authorization: `Bearer ${as}` }, body: form });
  return { status: res.status, body: (await res.json().catch(() => ({}))) as { id?: string; code?: string; message?: string; field?: string } };
}

async function uploaded(name: string, body: Buffer, as = token): Promise<string> {
  const res = await upload(name, body, as);
  if (res.status !== 201 || !res.body.id) throw new Error(`upload ${name}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

async function job(id: string, as = token) {
  return (await t.ok<{ importJob: any }>(`query($id: ID!) { importJob(id: $id) { ${JOB} } }`, { id }, as)).importJob;
}

async function run(
  id: string,
  options: { dryRun?: boolean; tags?: string[]; dedupe?: string; mapping?: Array<{ column: string; field: string | null }> } = {},
  as = token,
) {
  const current = await job(id, as);
  const mapping = options.mapping ?? current.mapping.map((m: any) => ({ column: m.column, field: m.field }));
  return t.gql<{ runImport: any }>(
    `mutation($id: ID!, $mapping: [ColumnMappingInput!]!, $dryRun: Boolean, $tags: [String!], $dedupe: DedupeRule) {
      runImport(id: $id, mapping: $mapping, dryRun: $dryRun, tags: $tags, dedupe: $dedupe) { id status dryRun } }`,
    { id, mapping, dryRun: options.dryRun ?? false, tags: options.tags, dedupe: options.dedupe ?? 'PHONE_OR_EMAIL' },
    as,
  );
}

async function finished(id: string, as = token, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const j = await job(id, as);
    if (['DONE', 'FAILED', 'CANCELLED'].includes(j.status)) return j;
    if (Date.now() > until) throw new Error(`import ${id} still ${j.status} after ${timeoutMs} ms: ${JSON.stringify(j)}\n${worker.output.join('')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function importFile(name: string, body: Buffer, options: Parameters<typeof run>[1] = {}, as = token) {
  const id = await uploaded(name, body, as);
  const res = await run(id, options, as);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return finished(id, as);
}

const contactCount = async (orgId: string) => (await t.db.query(`SELECT count(*)::int AS n FROM contacts WHERE organization_id = $1`, [orgId])).rows[0].n;
let orgId: string;

beforeAll(async () => {
  t = await startTestApp();
  worker = await spawnWorker(workerEnv(t, undefined, { RAPPORT_WORKER: 'true' }));
  const org = await registerOrganization(t, 'Import org');
  token = org.token;
  orgId = org.organization.id;
}, 180_000);

afterAll(async () => {
  await worker?.kill();
  await t?.close();
});

describe('a French Excel file (Windows-1252, semicolons)', () => {
  let dryRunId: string;

  it('is analysed at once: encoding, delimiter, rows, a mapping from French headers, three samples', async () => {
    dryRunId = await uploaded('adhérents.csv', fixture('adherents-excel-fr.csv'));
    const j = await job(dryRunId);
    expect(j).toMatchObject({ fileName: 'adhérents.csv', encoding: 'windows-1252', delimiter: ';', status: 'ANALYSED', totalRows: 7, processedRows: 0 });
    expect(j.mapping.map((m: any) => [m.column, m.field])).toEqual([
      ['Prénom', 'firstName'],
      ['NOM', 'lastName'],
      ['Tél.', 'phone'],
      ['Courriel', 'email'],
      ['Adresse', 'street'],
      ['CP', 'postalCode'],
      ['Ville', 'city'],
      ['Quartier', 'neighbourhood'],
      ['Étiquettes', 'tags'],
    ]);
    expect(j.mapping[0].samples).toEqual(['Zoé', 'Hélène', 'François']);
    expect(j.mapping[4].samples[2]).toBe('8, square de Galicie');
  });

  it('dry run: the counts and errors of the real run (row numbers, column, French), nothing written', async () => {
    expect((await run(dryRunId, { dryRun: true })).data?.runImport).toMatchObject({ status: 'RUNNING', dryRun: true });
    const j = await finished(dryRunId);
    expect(j).toMatchObject({ status: 'DONE', dryRun: true, processedRows: 7, created: 4, updated: 1, skipped: 0, failed: 2 });
    expect(j.errors).toEqual([
      { row: 4, field: 'Tél.', message: expect.stringContaining('« 12 34 » n’est pas un numéro de téléphone') },
      { row: 6, field: 'Courriel', message: expect.stringContaining('n’est pas une adresse e-mail') },
    ]);
    expect(await contactCount(orgId)).toBe(0);
  });

  it('then runs for real: same counts; phones in E.164, tags added to the person met twice, formulas kept as text', async () => {
    await run(dryRunId, { tags: ['import 2026'] });
    const j = await finished(dryRunId);
    expect(j).toMatchObject({ status: 'DONE', dryRun: false, processedRows: 7, created: 4, updated: 1, failed: 2 });
    expect(j.finishedAt).toBeTruthy();
    expect(await contactCount(orgId)).toBe(4);
    const zoe = (await t.db.query(`SELECT * FROM contacts WHERE organization_id = $1 AND first_name = 'Zoé'`, [orgId])).rows;
    expect(zoe).toHaveLength(1);
    expect(zoe[0]).toMatchObject({ last_name: 'Benaïssa', phone: '+33612345678', email: 'zoe.benaissa@example.fr', neighbourhood: 'Villejean' });
    expect(zoe[0].tags).toEqual(['locataires', 'CNL', 'import 2026', 'parents d’élèves']);
    const trap = (await t.db.query(`SELECT first_name FROM contacts WHERE organization_id = $1 AND last_name = 'Piège'`, [orgId])).rows;
    expect(trap).toEqual([{ first_name: '=HYPERLINK("http://evil.example";"clic")' }]);
    // The file is gone from PostgreSQL once the job is over.
    expect((await t.db.query(`SELECT count(*)::int AS n FROM import_file_chunks WHERE job_id = $1`, [dryRunId])).rows[0].n).toBe(0);
  });

  it('imported again, creates nobody twice', async () => {
    const j = await importFile('adhérents.csv', fixture('adherents-excel-fr.csv'), { tags: ['import 2026'] });
    expect(j).toMatchObject({ status: 'DONE', created: 0, updated: 0, skipped: 5, failed: 2 });
    expect(await contactCount(orgId)).toBe(4);
  });

  it('errors download as CSV (BOM, semicolons), organisers only', async () => {
    const res = await fetch(`${t.url}/imports/${dryRunId}/errors.csv`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    const text = Buffer.from(await res.arrayBuffer()).toString('utf8');
    expect(text.startsWith('\uFEFFligne;colonne;erreur\r\n4;Tél.;« 12 34 »')).toBe(true);
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(3);
    expect((await fetch(`${t.url}/imports/${dryRunId}/errors.csv`)).status).toBe(401);
  });

  it("messages are in the caller's language", async () => {
    const other = await registerOrganization(t, 'English org');
    await t.ok(`mutation { setMyLocale(locale: "en") { id } }`, {}, other.token);
    const j = await importFile('members.csv', fixture('adherents-excel-fr.csv'), { dryRun: true }, other.token);
    expect(j.errors[0]).toEqual({ row: 4, field: 'Tél.', message: expect.stringContaining('“12 34” is not a phone number') });
  });
});

describe('other real-looking files', () => {
  it('a UTF-8 file with a BOM and commas, quoted fields with commas and line breaks', async () => {
    const id = await uploaded('contacts.csv', fixture('contacts-utf8-bom.csv'));
    expect(await job(id)).toMatchObject({ encoding: 'utf-8', delimiter: ',', totalRows: 3 });
    await run(id);
    expect(await finished(id)).toMatchObject({ status: 'DONE', created: 3, failed: 0 });
    const sarah = (await t.db.query(`SELECT street, tags FROM contacts WHERE organization_id = $1 AND last_name = 'O''Neill'`, [orgId])).rows[0];
    expect(sarah).toEqual({ street: 'Flat 2\nBlock C', tags: ['tenants'] });
    const karim = (await t.db.query(`SELECT tags, phone FROM contacts WHERE organization_id = $1 AND first_name = 'Karim'`, [orgId])).rows[0];
    expect(karim).toEqual({ tags: ['tenants', 'youth'], phone: '+33781234567' });
  });

  it('an XLSX (first sheet) with a date column: dates read as dates, dues recorded', async () => {
    const id = await uploaded('adherents.xlsx', fixture('adherents.xlsx'));
    const analysed = await job(id);
    expect(analysed).toMatchObject({ encoding: 'utf-8', delimiter: null, totalRows: 3 });
    expect(analysed.mapping.find((m: any) => m.column === 'Date de paiement')).toEqual({
      column: 'Date de paiement',
      field: 'duesDate',
      samples: ['2026-01-10', '2026-02-03', '2026-03-21'],
    });
    await run(id);
    expect(await finished(id)).toMatchObject({ status: 'DONE', created: 3, failed: 0 });
    const paid = (
      await t.db.query(
        `SELECT c.first_name, p.amount_cents, p.paid_at FROM dues_payments p JOIN contacts c ON c.id = p.payer_contact_id WHERE p.organization_id = $1 ORDER BY p.paid_at`,
        [orgId],
      )
    ).rows;
    expect(paid.map((p) => [p.first_name, p.amount_cents, p.paid_at.toISOString().slice(0, 10)])).toEqual([
      ['Nadia', 1200, '2026-01-10'],
      ['Paul', 500, '2026-02-03'],
      ['Léa', 0, '2026-03-21'],
    ]);
  });

  it('a HelloAsso export: payers found or created, dues as HELLOASSO with the order id; twice records nothing twice', async () => {
    const before = await contactCount(orgId);
    const first = await importFile('export-helloasso.csv', fixture('helloasso-export.csv'));
    // Karim Benali was in the UTF-8 file already (same email): updated, not created.
    expect(first).toMatchObject({ status: 'DONE', created: 2, updated: 0, skipped: 1, failed: 0 });
    const again = await importFile('export-helloasso.csv', fixture('helloasso-export.csv'));
    expect(again).toMatchObject({ status: 'DONE', created: 0, failed: 0 });
    expect(await contactCount(orgId)).toBe(before + 2);
    const payments = (
      await t.db.query(`SELECT method, reference, amount_cents FROM dues_payments WHERE organization_id = $1 AND method = 'HELLOASSO' ORDER BY reference`, [
        orgId,
      ])
    ).rows;
    expect(payments).toEqual([
      { method: 'HELLOASSO', reference: '81234567', amount_cents: 1200 },
      { method: 'HELLOASSO', reference: '81234598', amount_cents: 500 },
      { method: 'HELLOASSO', reference: '81234611', amount_cents: 2400 },
    ]);
  });
});

describe('progress, cancel', () => {
  const bigCsv = (rows: number, offset = 0) =>
    Buffer.from(
      ['Prénom;Nom;Portable', ...Array.from({ length: rows }, (_, i) => `Personne${i};Nom${i};+3361${String(offset + i).padStart(7, '0')}`)].join('\n'),
      'utf8',
    );

  it('a large file moves processedRows batch by batch and ends DONE', async () => {
    const id = await uploaded('big.csv', bigCsv(3000));
    await run(id, {}, token);
    const seen = new Set<number>();
    for (;;) {
      const j = await job(id);
      seen.add(j.processedRows);
      if (j.status !== 'RUNNING') break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(await job(id)).toMatchObject({ status: 'DONE', processedRows: 3000, created: 3000 });
    for (const n of seen) expect(n % 500 === 0 || n === 3000).toBe(true);
  });

  it('cancel stops between batches; rows written stay and are counted', async () => {
    const id = await uploaded('bigger.csv', bigCsv(30_000, 100_000));
    await run(id);
    // Cancel once the first batch is in.
    for (let i = 0; i < 500 && (await job(id)).processedRows === 0; i++) await new Promise((r) => setTimeout(r, 10));
    const cancelled = await t.ok<{ cancelImport: any }>(`mutation($id: ID!) { cancelImport(id: $id) { status } }`, { id }, token);
    expect(cancelled.cancelImport.status).toBe('CANCELLED');
    const j = await finished(id);
    expect(j.status).toBe('CANCELLED');
    expect(j.processedRows).toBeLessThan(30_000);
    expect(j.processedRows % 500).toBe(0);
    const written = (
      await t.db.query(`SELECT count(*)::int AS n FROM contacts WHERE organization_id = $1 AND phone BETWEEN '+33610100000' AND '+33610129999'`, [orgId])
    ).rows[0].n;
    expect(written).toBe(j.created);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM import_file_chunks WHERE job_id = $1`, [id])).rows[0].n).toBe(0);
  });
});

/** A real zip bomb: one sheet part of 64 MB of zeros, deflated to a few hundred KB. */
function zipBomb(): Buffer {
  const entries: Array<[string, Buffer]> = [
    ['[Content_Types].xml', Buffer.from('<Types/>')],
    ['xl/workbook.xml', Buffer.from('<workbook/>')],
    ['xl/worksheets/sheet1.xml', Buffer.alloc(64 * 1024 * 1024)],
  ];
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const packed = deflateRawSync(data, { level: 9 });
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(packed.length, 20);
    dir.writeUInt32LE(data.length, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    locals.push(local, Buffer.from(name), packed);
    central.push(dir, Buffer.from(name));
    offset += 30 + name.length + packed.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dirBytes, end]);
}

describe('bad files: a clear error, nothing written, the api unharmed', () => {
  const refused = async (name: string, body: Buffer, status = 400) => {
    const jobsBefore = (await t.db.query(`SELECT count(*)::int AS n FROM import_jobs`)).rows[0].n;
    const res = await upload(name, body);
    expect(res.status).toBe(status);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM import_jobs`)).rows[0].n).toBe(jobsBefore);
    expect((await t.gql(`{ me { id } }`, {}, token)).data?.me?.id).toBeTruthy();
    return res.body;
  };

  it('not a spreadsheet', async () => {
    expect(await refused('photo.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'file',
      message: expect.stringContaining('not a CSV or XLSX'),
    });
    expect((await refused('binary.csv', Buffer.from('a;b\n\u0001\u0002\u0003;x\n', 'latin1'))).message).toMatch(/not a CSV or XLSX/);
    expect((await refused('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).message).toMatch(/\.xls/);
  });

  it('empty, header only is fine but no header is not', async () => {
    expect((await refused('empty.csv', Buffer.alloc(0))).message).toMatch(/empty/);
    expect((await refused('blank.csv', Buffer.from('\n\n;;\n'))).message).toMatch(/no header/);
    expect((await refused('data.csv', Buffer.from('Karim;0612345678;karim@example.org\nZoé;0698765432;zoe@example.org\n'))).message).toMatch(/header/);
  });

  it('over 20 MB: 413', async () => {
    await refused('huge.csv', Buffer.concat([Buffer.from('Prénom\n'), Buffer.alloc(21 * 1024 * 1024, 'a\n')]), 413);
  });

  it('10,000 columns', async () => {
    const header = Array.from({ length: 10_000 }, (_, i) => `col${i}`).join(';');
    expect((await refused('wide.csv', Buffer.from(`${header}\n${header}\n`))).message).toMatch(/10000 columns/);
  });

  it('a zip bomb disguised as XLSX is refused before anything is unpacked', async () => {
    const bomb = zipBomb();
    const started = Date.now();
    expect((await refused('bomb.xlsx', bomb)).message).toMatch(/unpacks/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('a zip that is not a workbook', async () => {
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 1)]);
    expect((await refused('notes.xlsx', zip)).message).toMatch(/XLSX|zip/);
  });
});

describe('tenancy and roles', () => {
  it("another organisation's import is NOT_FOUND everywhere; leaders and strangers are refused", async () => {
    const id = await uploaded('contacts.csv', fixture('contacts-utf8-bom.csv'));
    const other = await registerOrganization(t, 'Other org');
    const read = await t.gql(`query($id: ID!) { importJob(id: $id) { id } }`, { id }, other.token);
    expect(read.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const started = await run(id, { mapping: [{ column: 'First name', field: 'firstName' }] }, token).then(() => null);
    void started;
    const cancel = await t.gql(`mutation($id: ID!) { cancelImport(id: $id) { id } }`, { id }, other.token);
    expect(cancel.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const runOther = await t.gql(
      `mutation($id: ID!) { runImport(id: $id, mapping: [{ column: "First name", field: "firstName" }]) { id } }`,
      { id },
      other.token,
    );
    expect(runOther.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await fetch(`${t.url}/imports/${id}/errors.csv`, { headers: { authorization: `Bearer ${other.token}` } })).status).toBe(404);
    expect((await t.ok<{ importJobs: any[] }>(`{ importJobs { id } }`, {}, other.token)).importJobs).toEqual([]);
    expect((await t.gql(`{ importJob(id: "not-a-uuid") { id } }`, {}, token)).errors?.[0].extensions?.code).toBe('NOT_FOUND');

    const leader = await addMember(t, token, 'LEADER');
    expect((await t.gql(`{ importJobs { id } }`, {}, leader.token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await upload('contacts.csv', fixture('contacts-utf8-bom.csv'), leader.token)).status).toBe(403);
    expect((await upload('contacts.csv', fixture('contacts-utf8-bom.csv'), 'nope')).status).toBe(401);
  });

  it('a bad mapping is BAD_USER_INPUT naming the field', async () => {
    const id = await uploaded('contacts.csv', fixture('contacts-utf8-bom.csv'));
    const unknownColumn = await run(id, { mapping: [{ column: 'Nope', field: 'firstName' }] });
    expect(unknownColumn.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'mapping[0].column' });
    const badField = await run(id, { mapping: [{ column: 'First name', field: 'password' }] });
    expect(badField.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'mapping[0].field' });
    const noName = await run(id, { mapping: [{ column: 'E-mail', field: 'email' }] });
    expect(noName.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'mapping' });
    const list = await t.ok<{ importJobs: any[] }>(`{ importJobs(first: 3) { id status } }`, {}, token);
    expect(list.importJobs[0]).toEqual({ id, status: 'ANALYSED' });
  });
});
