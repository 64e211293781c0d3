import { badInput, normalizeForMatch, v } from '@rapport/core';
import { AllyRole, LIMITS } from '@rapport/shared';
import type { Contact } from './entities/contact.entity.js';
import type { ContactInput } from './dto/contact.input.js';

const ALLY_ROLES = new Set(Object.values(AllyRole));

/**
 * Checks a ContactInput and returns the columns to write. Only the fields present
 * in the input are returned, so an update leaves the others as they are.
 * `at` is the input's path, used in error messages ("input.newContact.phone").
 */
export function contactColumns(at: string, input: ContactInput): Partial<Contact> {
  const out: Partial<Contact> = {};
  const has = (key: keyof ContactInput) => input[key] !== undefined;
  out.firstName = v.name(`${at}.firstName`, input.firstName);
  if (has('lastName')) out.lastName = v.text(`${at}.lastName`, input.lastName, LIMITS.name);
  if (has('phone')) out.phone = v.phone(`${at}.phone`, input.phone);
  if (has('email')) out.email = v.email(`${at}.email`, input.email);
  for (const key of ['street', 'building', 'city', 'neighbourhood'] as const) {
    if (has(key)) out[key] = v.text(`${at}.${key}`, input[key], LIMITS.name);
  }
  if (has('postalCode')) out.postalCode = v.text(`${at}.postalCode`, input.postalCode, 20);
  if (has('languages')) out.languages = v.list(`${at}.languages`, input.languages, 20, (f, x) => v.name(f, x, 50));
  if (has('tags')) out.tags = [...new Set(v.list(`${at}.tags`, input.tags, 50, (f, x) => v.name(f, x, 100)))];
  if (has('allyRoles')) {
    const roles = input.allyRoles ?? [];
    roles.forEach((r, i) => {
      if (!ALLY_ROLES.has(r)) throw badInput(`${at}.allyRoles[${i}]`, 'is not an ally role', 'allyRole');
    });
    out.allyRoles = [...new Set(roles)];
  }
  if (has('isLeader')) out.isLeader = input.isLeader ?? false;
  if (has('consentGivenAt')) out.consentGivenAt = v.date(`${at}.consentGivenAt`, input.consentGivenAt);
  return out;
}

/** The derived columns that search and ordering use; recomputed on every write. */
export function searchColumns(contact: Pick<Contact, 'firstName' | 'lastName' | 'phone' | 'email'>) {
  const phones = contact.phone ? [contact.phone, contact.phone.replace(/^\+33/, '0')] : [];
  return {
    searchText: normalizeForMatch([contact.firstName, contact.lastName, contact.email, ...phones].filter(Boolean).join(' ')),
    sortKey: normalizeForMatch(`${contact.lastName ?? ''} ${contact.firstName}`),
  };
}

/** What a search term becomes before matching: phone-like terms lose their spaces. */
export function normalizeSearch(term: string): string {
  const normalized = normalizeForMatch(term);
  return /^[+\d][\d .-]*$/.test(normalized) ? normalized.replace(/[ .-]/g, '') : normalized;
}
