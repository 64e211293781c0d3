import type { ExportFormat } from '@rapport/shared';

/** A contact as the export reads it (one keyset page at a time). */
export interface ExportRow {
  id: string;
  sortKey: string;
  firstName: string;
  lastName: string | null;
  phone: string | null;
  email: string | null;
  street: string | null;
  building: string | null;
  postalCode: string | null;
  city: string | null;
  neighbourhood: string | null;
  languages: string[];
  allyRoles: string[];
  isLeader: boolean;
  tags: string[];
  consentGivenAt: Date | null;
  membershipStatus: string;
  membershipEndsAt: Date | null;
  lastConversationAt: Date | null;
}

type Locale = 'fr' | 'en';
const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : '');
const list = (l: string[]) => l.join(', ');

/** Every ContactInput field, then the membership status and the last conversation date. Headers in the caller's language. */
export const EXPORT_COLUMNS: Array<{ header: Record<Locale, string>; value: (r: ExportRow, locale: Locale) => string }> = [
  { header: { fr: 'Prénom', en: 'First name' }, value: (r) => r.firstName },
  { header: { fr: 'Nom', en: 'Last name' }, value: (r) => r.lastName ?? '' },
  { header: { fr: 'Téléphone', en: 'Phone' }, value: (r) => r.phone ?? '' },
  { header: { fr: 'E-mail', en: 'Email' }, value: (r) => r.email ?? '' },
  { header: { fr: 'Rue', en: 'Street' }, value: (r) => r.street ?? '' },
  { header: { fr: 'Bâtiment', en: 'Building' }, value: (r) => r.building ?? '' },
  { header: { fr: 'Code postal', en: 'Postal code' }, value: (r) => r.postalCode ?? '' },
  { header: { fr: 'Ville', en: 'City' }, value: (r) => r.city ?? '' },
  { header: { fr: 'Quartier', en: 'Neighbourhood' }, value: (r) => r.neighbourhood ?? '' },
  { header: { fr: 'Langues', en: 'Languages' }, value: (r) => list(r.languages) },
  { header: { fr: 'Rôles', en: 'Roles' }, value: (r) => list(r.allyRoles) },
  { header: { fr: 'Leader', en: 'Leader' }, value: (r, l) => (r.isLeader ? (l === 'fr' ? 'oui' : 'yes') : l === 'fr' ? 'non' : 'no') },
  { header: { fr: 'Étiquettes', en: 'Tags' }, value: (r) => list(r.tags) },
  { header: { fr: 'Consentement', en: 'Consent' }, value: (r) => day(r.consentGivenAt) },
  { header: { fr: 'Adhésion', en: 'Membership' }, value: (r) => r.membershipStatus },
  { header: { fr: 'Adhésion jusqu’au', en: 'Member until' }, value: (r) => day(r.membershipEndsAt) },
  { header: { fr: 'Dernière conversation', en: 'Last conversation' }, value: (r) => day(r.lastConversationAt) },
];

export const EXPORT_TYPES: Record<ExportFormat, { contentType: string; extension: string }> = {
  CSV: { contentType: 'text/csv; charset=utf-8', extension: 'csv' },
  XLSX: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' },
};

export const localeOf = (value: string | null | undefined): Locale => (value === 'en' ? 'en' : 'fr');
