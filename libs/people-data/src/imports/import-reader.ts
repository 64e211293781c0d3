import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import unzipper from 'unzipper';

/** What the upload accepts; anything past these is refused with a clear error, before any row is written. */
export const IMPORT_LIMITS = {
  fileBytes: 20 * 1024 * 1024,
  columns: 200,
  rows: 200_000,
  /** One cell (a note pasted in a cell is fine; a megabyte is not). */
  cellChars: 10_000,
  /** XLSX: a zip whose parts unpack to more than this, or with more parts, is refused before parsing (zip bombs). */
  xlsxUnzippedBytes: 200 * 1024 * 1024,
  xlsxEntries: 2_000,
} as const;

/** A file that cannot be imported at all: the message says why (English; `rule` lets a client translate it). */
export class ImportFileError extends Error {
  constructor(
    message: string,
    readonly rule: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
  }
}

export interface FileFormat {
  format: 'csv' | 'xlsx';
  /** "utf-8", "utf-16le", "utf-16be", "windows-1252"; XLSX: "utf-8". */
  encoding: string;
  delimiter: string | null;
}

export interface SheetRow {
  /** The row number the spreadsheet shows (header = 1). */
  row: number;
  cells: string[];
}

const startsWith = (buf: Buffer, bytes: number[]) => bytes.every((b, i) => buf[i] === b);

/** Formats people upload by mistake, named so the error can say what they sent. */
const OTHER_FORMATS: Array<[number[], string]> = [
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Excel (.xls) or Word file: save it as .xlsx or CSV'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF'],
  [[0x89, 0x50, 0x4e, 0x47], 'an image'],
  [[0xff, 0xd8, 0xff], 'an image'],
  [[0x47, 0x49, 0x46, 0x38], 'an image'],
  [[0x1f, 0x8b], 'a compressed archive'],
];

/**
 * The format of the file at `path`: XLSX (a zip holding a workbook, its sizes checked
 * before anything is unpacked) or CSV (encoding from the BOM, else UTF-16 by its zero
 * bytes, else UTF-8 when every byte of the file is valid UTF-8, else Windows-1252, as
 * French Excel saves; the delimiter counted on the first lines).
 */
export async function detectFormat(path: string): Promise<FileFormat> {
  const handle = await open(path, 'r');
  let head: Buffer;
  let size: number;
  try {
    size = (await handle.stat()).size;
    const buffer = Buffer.alloc(Math.min(size, 64 * 1024));
    await handle.read(buffer, 0, buffer.length, 0);
    head = buffer;
  } finally {
    await handle.close();
  }
  if (size === 0) throw new ImportFileError('the file is empty', 'importEmpty');
  if (size > IMPORT_LIMITS.fileBytes) throw new ImportFileError('the file is over 20 MB', 'importTooLarge', { max: 20 });
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) {
    await checkXlsx(path);
    return { format: 'xlsx', encoding: 'utf-8', delimiter: null };
  }
  for (const [magic, what] of OTHER_FORMATS) {
    if (startsWith(head, magic)) throw new ImportFileError(`this is ${what}, not a CSV or XLSX file`, 'importNotSpreadsheet');
  }
  const encoding = await detectEncoding(path, head);
  const sample = iconv.decode(head, encoding);
  // Text files hold no control characters but tab and line ends (a cut multi-byte char at the sample's end is fine).
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000e-\u001f]/.test(sample)) throw new ImportFileError('this is not a CSV or XLSX file', 'importNotSpreadsheet');
  return { format: 'csv', encoding, delimiter: detectDelimiter(sample) };
}

async function detectEncoding(path: string, head: Buffer): Promise<string> {
  if (startsWith(head, [0xef, 0xbb, 0xbf])) return 'utf-8';
  if (startsWith(head, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(head, [0xfe, 0xff])) return 'utf-16be';
  // UTF-16 without a BOM: Latin text has a zero byte beside every character.
  const n = Math.min(head.length, 4096) & ~1;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenZeros++;
    if (head[i + 1] === 0) oddZeros++;
  }
  if (n >= 4 && oddZeros > n / 4 && evenZeros === 0) return 'utf-16le';
  if (n >= 4 && evenZeros > n / 4 && oddZeros === 0) return 'utf-16be';
  // UTF-8 only if the whole file is: an accent in row 40,000 decides as much as one in row 2.
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) decoder.decode(chunk as Buffer, { stream: true });
    decoder.decode();
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

/** The candidate found most often on the first line, outside quotes, and present on the next lines too. */
function detectDelimiter(sample: string): string {
  const lines = sample
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .slice(0, 10);
  const count = (line: string, d: string) => {
    let inQuotes = false;
    let n = 0;
    for (const ch of line) {
      if (ch === '"') inQuotes = !inQuotes;
      else if (ch === d && !inQuotes) n++;
    }
    return n;
  };
  let best = ',';
  let bestScore = 0;
  for (const d of [';', ',', '\t']) {
    const counts = lines.map((l) => count(l, d));
    if (!counts.length || counts[0] === 0) continue;
    const consistent = counts.filter((c) => c === counts[0]).length;
    const score = counts[0] * consistent;
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

/**
 * A zip bomb stops here: the central directory (read without unpacking anything) must
 * list a workbook, few parts, and a modest unpacked size.
 */
async function checkXlsx(path: string): Promise<void> {
  let directory: Awaited<ReturnType<typeof unzipper.Open.file>>;
  try {
    directory = await unzipper.Open.file(path);
  } catch {
    throw new ImportFileError('this zip file cannot be read: not an XLSX file', 'importNotSpreadsheet');
  }
  const files = directory.files;
  if (files.length > IMPORT_LIMITS.xlsxEntries) throw new ImportFileError('the XLSX file holds too many parts', 'importXlsxTooBig');
  let total = 0;
  for (const file of files) {
    total += file.uncompressedSize;
    // A part that unpacks a thousand times larger than it is stored is a bomb, not a spreadsheet.
    if (file.uncompressedSize > 1_000_000 && file.uncompressedSize > file.compressedSize * 1000)
      throw new ImportFileError('the XLSX file unpacks to an unreasonable size', 'importXlsxTooBig');
  }
  if (total > IMPORT_LIMITS.xlsxUnzippedBytes) throw new ImportFileError('the XLSX file unpacks to more than 200 MB', 'importXlsxTooBig');
  if (!files.some((f) => f.path === 'xl/workbook.xml')) throw new ImportFileError('this zip file is not an XLSX workbook', 'importNotSpreadsheet');
}

/**
 * The rows of the file, header first, streamed from `source` (never held whole): CSV through
 * iconv-lite and csv-parse, XLSX (first sheet) through exceljs's streaming reader. Cells are
 * text, as written: a formula is kept as its text, never evaluated. Blank rows are skipped
 * but counted, so row numbers stay the ones the spreadsheet shows.
 */
export async function* readRows(source: Readable, format: FileFormat): AsyncGenerator<SheetRow> {
  let width = 0;
  const rows = format.format === 'xlsx' ? xlsxRows(source) : csvRows(source, format);
  let count = 0;
  for await (const row of rows) {
    if (row.cells.every((c) => c.trim() === '')) continue;
    if (count === 0) {
      width = row.cells.length;
      if (width > IMPORT_LIMITS.columns)
        throw new ImportFileError(`the file has ${width} columns; at most ${IMPORT_LIMITS.columns}`, 'importTooManyColumns', { max: IMPORT_LIMITS.columns });
    }
    if (++count > IMPORT_LIMITS.rows + 1)
      throw new ImportFileError(`the file has more than ${IMPORT_LIMITS.rows} rows`, 'importTooManyRows', { max: IMPORT_LIMITS.rows });
    // Cells past the header's width have no column to go to.
    const cells = row.cells.length > width ? row.cells.slice(0, width) : row.cells;
    for (const cell of cells)
      if (cell.length > IMPORT_LIMITS.cellChars)
        throw new ImportFileError(`row ${row.row} has a cell over ${IMPORT_LIMITS.cellChars} characters`, 'importCellTooLong', { row: row.row });
    yield { row: row.row, cells };
  }
}

async function* csvRows(source: Readable, format: FileFormat): AsyncGenerator<SheetRow> {
  const parser = source.pipe(iconv.decodeStream(format.encoding, { stripBOM: true })).pipe(
    parse({
      delimiter: format.delimiter ?? ',',
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      bom: true,
      // A line longer than this is not a row of people (10,000 columns, a binary file).
      max_record_size: 1_000_000,
    }),
  );
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) yield { row: ++row, cells: record };
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError(`the CSV file cannot be read near row ${row + 1}: ${(error as Error).message.slice(0, 200)}`, 'importUnreadable', {
      row: row + 1,
    });
  } finally {
    source.destroy();
  }
}

async function* xlsxRows(source: Readable): AsyncGenerator<SheetRow> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    entries: 'ignore',
  } as ExcelJS.stream.xlsx.WorkbookStreamReaderOptions);
  try {
    for await (const sheet of workbook) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        const values = Array.isArray(row.values) ? row.values : [];
        const cells: string[] = [];
        // row.values is 1-based (index 0 is empty).
        for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
        yield { row: row.number, cells };
      }
      return; // the first sheet only
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError(`the XLSX file cannot be read: ${(error as Error).message.slice(0, 200)}`, 'importUnreadable');
  } finally {
    source.destroy();
  }
}

/** A cell as text: dates as YYYY-MM-DD, formulas as their own text (never evaluated). */
export function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  const v = value as unknown as Record<string, unknown>;
  if (Array.isArray(v.richText)) return (v.richText as Array<{ text: string }>).map((r) => r.text).join('');
  if (typeof v.formula === 'string') return `=${v.formula}`;
  if (typeof v.sharedFormula === 'string') return `=${v.sharedFormula}`;
  if ('text' in v) return typeof v.text === 'string' ? v.text : cellText(v.text as ExcelJS.CellValue);
  if ('error' in v) return String(v.error);
  return '';
}

export interface Analysis extends FileFormat {
  headers: string[];
  totalRows: number;
  samples: string[][];
}

/** Reads the whole file once (streamed): headers, data rows, three sample values per column. */
export async function analyseFile(path: string): Promise<Analysis> {
  const format = await detectFormat(path);
  let headers: string[] | null = null;
  let totalRows = 0;
  let samples: string[][] = [];
  for await (const { cells } of readRows(createReadStream(path, { highWaterMark: 256 * 1024 }), format)) {
    if (!headers) {
      headers = headerNames(cells);
      samples = headers.map(() => []);
      continue;
    }
    totalRows++;
    cells.forEach((cell, i) => {
      const value = cell.trim();
      if (value && samples[i] && samples[i].length < 3) samples[i].push(value.slice(0, 100));
    });
  }
  if (!headers) throw new ImportFileError('the file has no header row', 'importNoHeader');
  return { ...format, headers, totalRows, samples };
}

const LOOKS_LIKE_DATA = /^(\+?[\d .()-]{6,}|[^\s@]+@[^\s@]+\.[^\s@]+|\d+([.,]\d+)?)$/;
/**
 * The header row's names, unique (a second "Nom" becomes "Nom (2)"), blanks named by
 * position. A first row of phone numbers or emails is data, not a header: refused.
 */
function headerNames(cells: string[]): string[] {
  const named = cells.filter((c) => c.trim() !== '');
  if (named.length && named.filter((c) => LOOKS_LIKE_DATA.test(c.trim())).length * 2 >= named.length)
    throw new ImportFileError('the first row holds data, not column names: add a header row', 'importNoHeader');
  const seen = new Map<string, number>();
  return cells.map((cell, i) => {
    const base = cell.trim().slice(0, 100) || `#${i + 1}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}
