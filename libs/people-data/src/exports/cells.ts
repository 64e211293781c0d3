/**
 * Formula injection: a spreadsheet runs a cell that starts with = + - @ (or a tab
 * or carriage return before one) as a formula (`=HYPERLINK(…)` sends data away).
 * Such cells get a leading apostrophe, which Excel and LibreOffice show as text.
 */
export function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One CSV field for French Excel: `;`-separated, quoted when it holds `;`, a quote or a line break. */
export function csvField(value: string): string {
  const safe = neutralise(value);
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One CSV line (CRLF, as Excel writes them). */
export function csvLine(values: string[]): string {
  return `${values.map(csvField).join(';')}\r\n`;
}

/** The byte order mark that tells Excel the file is UTF-8 (without it, accents come out wrong). */
export const UTF8_BOM = '\uFEFF';
