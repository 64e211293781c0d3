import { AppError } from '@rapport/core';
import { contactColumns, type Contact, type ContactInput } from '@rapport/contacts';
import { message, PaymentMethod, type Locale, type MessageKey } from '@rapport/shared';
import type { ImportField } from './import-fields.js';

export interface RowError {
  row: number;
  /** The file's column, as the organiser sees it in their spreadsheet. */
  field: string | null;
  message: string;
}

export interface Dues {
  amountCents: number;
  paidAt: Date | null;
  method: PaymentMethod;
  reference: string | null;
}

export type RowResult = { ok: true; columns: Partial<Contact>; dues: Dues | null } | { ok: false; error: RowError } | { ok: 'empty' };

/** Which column fills which field: built once per job from its mapping. */
export interface ColumnPlan {
  /** [column index, field, column name] */
  columns: Array<[number, ImportField, string]>;
  /** Added to every person (the runImport `tags`). */
  tags: string[];
  locale: Locale;
}

const list = (value: string) =>
  value
    .split(/[,;|]/)
    .map((s) => s.trim())
    .filter(Boolean);

/** "BENALI Karim" and "Karim Benali": a word all in capitals is the family name. */
function splitFullName(value: string): { firstName: string; lastName: string | null } {
  const words = value.trim().split(/\s+/);
  if (words.length === 1) return { firstName: words[0], lastName: null };
  const caps = words.filter((w) => w.length > 1 && w === w.toUpperCase() && /\p{L}/u.test(w));
  if (caps.length && caps.length < words.length) return { firstName: words.filter((w) => !caps.includes(w)).join(' '), lastName: caps.join(' ') };
  return { firstName: words[0], lastName: words.slice(1).join(' ') };
}

/** "12", "12,50 €", "1 234.5" → cents; null when it is not an amount. */
export function parseAmount(value: string): number | null {
  const cleaned = value.replace(/[€\s\u00a0]|EUR/gi, '').replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  return Math.round(Number(cleaned) * 100);
}

/** "31/01/2026", "31/01/2026 14:05", "2026-01-31" (XLSX dates arrive so) → a date; null otherwise. */
export function parseDate(value: string): Date | null {
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T](\d{1,2}):(\d{2}))?/.exec(value);
  if (m) {
    const d = new Date(Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1]), Number(m[4] ?? 12), Number(m[5] ?? 0)));
    return d.getUTCDate() === Number(m[1]) ? d : null;
  }
  m = /^(\d{4})-(\d{2})-(\d{2})(T[\d:.]+Z?)?$/.exec(value);
  if (m) {
    const d = new Date(m[4] ? value : `${value}T12:00:00Z`);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  return null;
}

const METHODS: Array<[RegExp, PaymentMethod]> = [
  [/helloasso/i, PaymentMethod.HELLOASSO],
  [/esp[eè]ce|cash|liquide/i, PaymentMethod.CASH],
  [/ch[eè]que|cheque|check/i, PaymentMethod.CHEQUE],
  [/virement|transfer|sepa/i, PaymentMethod.TRANSFER],
  [/carte|card|cb/i, PaymentMethod.CARD],
];

/**
 * One row of the file as the contact columns to write, validated exactly as createContact
 * validates (contactColumns: phone to E.164, email checked, lengths), or the reason it is
 * refused, in the organiser's language, naming the column.
 */
export function mapRow(plan: ColumnPlan, row: number, cells: string[]): RowResult {
  const input: ContactInput = { firstName: '' };
  const where = new Map<string, string>();
  const dues: { amount?: string; date?: string; method?: string; reference?: string } = {};
  let any = false;
  for (const [index, field, column] of plan.columns) {
    const value = (cells[index] ?? '').trim();
    if (!value) {
      if (field === 'firstName' || field === 'fullName') where.set('firstName', column);
      continue;
    }
    any = true;
    switch (field) {
      case 'fullName': {
        const { firstName, lastName } = splitFullName(value);
        input.firstName = firstName;
        if (lastName && !input.lastName) input.lastName = lastName;
        where.set('firstName', column);
        where.set('lastName', column);
        break;
      }
      case 'tags':
      case 'languages':
        input[field] = [...(input[field] ?? []), ...list(value)];
        where.set(field, column);
        break;
      case 'duesAmount':
        dues.amount = value;
        where.set('duesAmount', column);
        break;
      case 'duesDate':
        dues.date = value;
        where.set('duesDate', column);
        break;
      case 'duesMethod':
        dues.method = value;
        break;
      case 'duesReference':
        dues.reference = value;
        break;
      default:
        input[field] = value;
        where.set(field, column);
    }
  }
  if (!any) return { ok: 'empty' };
  if (plan.tags.length) input.tags = [...(input.tags ?? []), ...plan.tags];
  const refuse = (field: string, key: MessageKey, params: Record<string, string | number>): RowResult => ({
    ok: false,
    error: { row, field: where.get(field) ?? null, message: message(plan.locale, key, params) },
  });
  let columns: Partial<Contact>;
  try {
    columns = contactColumns('row', input);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const ext = error.extensions as { field?: string; rule?: string; params?: Record<string, string | number> };
    const field = (ext.field ?? '').replace(/^row\./, '').replace(/\[\d+\]$/, '');
    const value = String((input as unknown as Record<string, unknown>)[field] ?? '').slice(0, 60);
    const rule = ext.rule ?? 'invalid';
    const key = (['required', 'phone', 'email', 'maxLength', 'maxItems'].includes(rule) ? `import.error.${rule}` : 'import.error.invalid') as MessageKey;
    return refuse(field, key, { value, column: where.get(field) ?? field, ...(ext.params ?? {}) });
  }
  let paid: Dues | null = null;
  if (dues.amount !== undefined) {
    const amountCents = parseAmount(dues.amount);
    if (amountCents === null) return refuse('duesAmount', 'import.error.amount', { value: dues.amount.slice(0, 60) });
    const paidAt = dues.date ? parseDate(dues.date) : null;
    if (dues.date && !paidAt) return refuse('duesDate', 'import.error.date', { value: dues.date.slice(0, 60) });
    // A HelloAsso export names its own order; other files may name the method.
    const method = dues.method
      ? (METHODS.find(([re]) => re.test(dues.method!))?.[1] ?? PaymentMethod.OTHER)
      : dues.reference
        ? PaymentMethod.HELLOASSO
        : PaymentMethod.OTHER;
    paid = { amountCents, paidAt, method, reference: dues.reference?.slice(0, 200) ?? null };
  }
  return { ok: true, columns, dues: paid };
}
