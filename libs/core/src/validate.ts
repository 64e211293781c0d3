import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { LIMITS } from '@rapport/shared';
import { badInput } from './errors.js';

// Checks run before anything is written; each throws BAD_USER_INPUT naming the field.

/** Trims; empty becomes null; longer than `max` is refused. */
export function text(field: string, value: string | null | undefined, max: number = LIMITS.text): string | null {
  if (value === undefined || value === null) return null;
  const trimmed = value.trim();
  if (trimmed.length > max) throw badInput(field, `must be at most ${max} characters (got ${trimmed.length})`, 'maxLength', { max });
  return trimmed === '' ? null : trimmed;
}

/** Like `text`, but required and short (a name, a title). */
export function name(field: string, value: string | null | undefined, max: number = LIMITS.name): string {
  const cleaned = text(field, value, max);
  if (!cleaned) throw badInput(field, 'must not be empty', 'required');
  return cleaned;
}

export function intRange(field: string, value: number | null | undefined, min: number, max: number): number | null {
  if (value === undefined || value === null) return null;
  if (!Number.isInteger(value) || value < min || value > max) throw badInput(field, `must be a whole number from ${min} to ${max}`, 'intRange', { min, max });
  return value;
}

export function positiveInt(field: string, value: number | null | undefined, max = 1_000_000): number | null {
  return intRange(field, value, 0, max);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export function email(field: string, value: string | null | undefined): string | null {
  const cleaned = text(field, value, 254);
  if (cleaned === null) return null;
  if (!EMAIL.test(cleaned)) throw badInput(field, 'must be an email address such as nom@exemple.fr', 'email');
  return cleaned.toLowerCase();
}

/** Parses a phone number (French by default) and returns it in E.164 (+33612345678). */
export function phone(field: string, value: string | null | undefined, country: 'FR' | 'GB' = 'FR'): string | null {
  const cleaned = text(field, value, 40);
  if (cleaned === null) return null;
  const parsed = parsePhoneNumberFromString(cleaned, country);
  if (!parsed || !parsed.isValid()) throw badInput(field, 'must be a valid phone number, such as 06 12 34 56 78 or +33 6 12 34 56 78', 'phone');
  return parsed.number;
}

export function date(field: string, value: Date | string | null | undefined): Date | null {
  if (value === undefined || value === null) return null;
  const parsed = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(parsed.getTime())) throw badInput(field, 'must be a date and time (ISO 8601)', 'date');
  const year = parsed.getUTCFullYear();
  if (year < 1900 || year > 2200) throw badInput(field, 'must be a date between 1900 and 2200', 'dateRange', { min: 1900, max: 2200 });
  return parsed;
}

export function list<T>(field: string, values: T[] | null | undefined, max: number, each: (f: string, v: T) => T): T[] {
  if (!values) return [];
  if (values.length > max) throw badInput(field, `must hold at most ${max} items`, 'maxItems', { max });
  return values.map((v, i) => each(`${field}[${i}]`, v));
}

export { normalizeForMatch } from '@rapport/shared';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids are uuids: anything else can match no row, so it is NOT_FOUND without asking PostgreSQL. */
export const isUuid = (id: unknown): id is string => typeof id === 'string' && UUID.test(id);
