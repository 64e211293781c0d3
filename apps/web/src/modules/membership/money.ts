// Amounts are integer cents end to end: shown with Intl, never divided into floats for arithmetic.

/** 1200 → "12 €" / "€12", 550 → "5,50 €". */
export function formatCents(cents: number, locale: string, currency = 'EUR'): string {
  const whole = cents % 100 === 0;
  return new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    style: 'currency',
    currency,
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(cents / 100);
}

/** "12", "5,50", "5.5" → cents; null when it is not an amount (no float arithmetic: the digits are read). */
export function parseEuros(text: string): number | null {
  const match = /^\s*(\d{1,6})(?:[.,](\d{1,2}))?\s*(€|eur|euros?)?\s*$/i.exec(text);
  if (!match) return null;
  const cents = match[2] ? Number(match[2].padEnd(2, '0')) : 0;
  return Number(match[1]) * 100 + cents;
}

/** The last day a membership covers (its end is exclusive). */
export const lastDay = (endsAt: string) => new Date(new Date(endsAt).getTime() - 1).toISOString();

/** One CSV line per row, ';' separated as French spreadsheets expect, quoted when needed. */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  const cell = (v: string | number) => {
    const s = String(v);
    return /[";\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return rows.map((r) => r.map(cell).join(';')).join('\r\n') + '\r\n';
}
