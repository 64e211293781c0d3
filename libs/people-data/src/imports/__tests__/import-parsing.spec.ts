import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { proposeMapping } from '../import-fields.js';
import { analyseFile, detectFormat } from '../import-reader.js';
import { mapRow, parseAmount, parseDate } from '../import-row.js';

const dir = mkdtempSync(join(tmpdir(), 'rapport-import-'));
const file = (name: string, body: Buffer | string) => {
  const path = join(dir, name);
  writeFileSync(path, body);
  return path;
};

describe('proposeMapping', () => {
  it('knows French, English and HelloAsso headers, whatever the accents, case and dots', () => {
    expect(
      proposeMapping([
        'Prénom',
        'NOM',
        'Tél.',
        'Portable',
        'E-mail',
        'Courriel',
        'CP',
        'Quartier',
        'Étiquettes',
        'Montant tarif',
        'Référence commande',
        'Couleur',
      ]),
    ).toEqual([
      'firstName',
      'lastName',
      'phone',
      null, // a second phone column: the organiser chooses
      'email',
      null,
      'postalCode',
      'neighbourhood',
      'tags',
      'duesAmount',
      'duesReference',
      null,
    ]);
  });
});

describe('reading files', () => {
  it('detects Windows-1252 when one byte late in the file is not UTF-8', async () => {
    const rows = ['Prénom;Nom', ...Array.from({ length: 5000 }, (_, i) => `Ana${i};Silva`), 'Hélène;Lefèvre'];
    const path = file('late.csv', iconv.encode(rows.join('\n'), 'windows-1252'));
    expect(await detectFormat(path)).toEqual({ format: 'csv', encoding: 'windows-1252', delimiter: ';' });
    const analysis = await analyseFile(path);
    expect(analysis.totalRows).toBe(5001);
    expect(analysis.headers).toEqual(['Prénom', 'Nom']);
  });

  it('reads UTF-16 with a BOM and tabs', async () => {
    const path = file('utf16.csv', iconv.encode('\uFEFFPrénom\tVille\nZoé\tRennes\n', 'utf-16le', { addBOM: false }));
    const analysis = await analyseFile(path);
    expect(analysis).toMatchObject({ encoding: 'utf-16le', delimiter: '\t', headers: ['Prénom', 'Ville'], totalRows: 1, samples: [['Zoé'], ['Rennes']] });
  });

  it('names blank and repeated headers', async () => {
    const analysis = await analyseFile(file('names.csv', 'Nom,,Nom\nA,B,C\n'));
    expect(analysis.headers).toEqual(['Nom', '#2', 'Nom (2)']);
  });
});

describe('one row', () => {
  const plan = {
    columns: [
      [0, 'fullName', 'Nom complet'],
      [1, 'phone', 'Tél.'],
      [2, 'duesAmount', 'Montant'],
      [3, 'duesDate', 'Date'],
    ] as Array<[number, 'fullName' | 'phone' | 'duesAmount' | 'duesDate', string]>,
    tags: ['import'],
    locale: 'fr' as const,
  };

  it('splits "NOM Prénom", normalises the phone, reads the dues', () => {
    const result = mapRow(plan, 2, ['BENALI Karim', '06 12 34 56 78', '12,50 €', '31/01/2026']);
    expect(result).toEqual({
      ok: true,
      columns: expect.objectContaining({ firstName: 'Karim', lastName: 'BENALI', phone: '+33612345678', tags: ['import'] }),
      dues: { amountCents: 1250, paidAt: new Date(Date.UTC(2026, 0, 31, 12)), method: 'OTHER', reference: null },
    });
  });

  it('refuses a bad amount, naming the column, in French', () => {
    expect(mapRow(plan, 7, ['Karim', '', 'douze', ''])).toEqual({
      ok: false,
      error: { row: 7, field: 'Montant', message: '« douze » n’est pas un montant (ex. 12 ou 12,50)' },
    });
  });

  it('an empty row is skipped, not refused', () => {
    expect(mapRow(plan, 3, ['', '', '', ''])).toEqual({ ok: 'empty' });
  });

  it('amounts and dates', () => {
    expect([parseAmount('12'), parseAmount('1 234,5'), parseAmount('12.345'), parseAmount('-3')]).toEqual([1200, 123450, null, null]);
    expect(parseDate('31/02/2026')).toBeNull();
    expect(parseDate('2026-03-21')?.toISOString()).toBe('2026-03-21T12:00:00.000Z');
  });
});
