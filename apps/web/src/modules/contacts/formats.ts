import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { Translate } from '../../i18n';

// The formats the API checks (libs/core/src/validate.ts), checked again on the
// phone at save time: offline, a canvasser is told while the person is still at
// the door. The server's checks stay; these are the same rules, not looser ones.

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A phone number as the API accepts it (French by default), or null when it is not one. */
export function parsePhone(value: string) {
  const parsed = parsePhoneNumberFromString(value.trim(), 'FR');
  return parsed && parsed.isValid() ? parsed : null;
}

export const isPhone = (value: string) => parsePhone(value) !== null;
export const isEmail = (value: string) => EMAIL.test(value.trim());

/**
 * A number as people write it: "06 12 34 56 78" for a French number, "+44 20 7946 0958"
 * for another country's; what cannot be parsed is shown as it was typed.
 */
export function formatPhone(value: string | null | undefined): string {
  if (!value) return '';
  const parsed = parsePhoneNumberFromString(value, 'FR');
  if (!parsed) return value;
  return parsed.country === 'FR' ? parsed.formatNational() : parsed.formatInternational();
}

/**
 * Every format problem at once (not the first only), keyed like the API's errors
 * (`prefix` "newContact." for the field form), so they land next to their fields.
 */
export function formatErrors(values: { phone?: string | null; email?: string | null }, t: Translate, prefix = ''): Record<string, string> {
  const errors: Record<string, string> = {};
  const phone = values.phone?.trim();
  const email = values.email?.trim();
  if (phone && !isPhone(phone)) errors[`${prefix}phone`] = t('rule.phone');
  if (email && !isEmail(email)) errors[`${prefix}email`] = t('rule.email');
  return errors;
}
