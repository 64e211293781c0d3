import { normalizeForMatch } from '@rapport/core';

/** The Rapport fields a column can fill (ContactInput's, and dues for membership). */
export const IMPORT_FIELDS = [
  'firstName',
  'lastName',
  'fullName',
  'phone',
  'email',
  'street',
  'building',
  'postalCode',
  'city',
  'neighbourhood',
  'tags',
  'languages',
  'duesAmount',
  'duesDate',
  'duesMethod',
  'duesReference',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export const isImportField = (f: string): f is ImportField => (IMPORT_FIELDS as readonly string[]).includes(f);

/**
 * Headers as French and English spreadsheets write them (HelloAsso's exports included),
 * compared without accents, case or punctuation. The first field whose list holds the
 * header wins; a header nobody knows is left unmapped (the organiser chooses).
 */
const SYNONYMS: Record<ImportField, string[]> = {
  firstName: ['prenom', 'first name', 'firstname', 'given name', 'prenom payeur', 'prenom adherent', 'prenom participant', 'payer first name'],
  lastName: ['nom', 'nom de famille', 'last name', 'lastname', 'surname', 'family name', 'nom payeur', 'nom adherent', 'nom participant', 'payer last name'],
  fullName: ['nom complet', 'nom et prenom', 'prenom et nom', 'nom prenom', 'full name', 'name', 'contact'],
  phone: [
    'tel',
    'telephone',
    'portable',
    'mobile',
    'tel portable',
    'telephone portable',
    'phone',
    'phone number',
    'cell',
    'gsm',
    'numero de telephone',
    'telephone payeur',
  ],
  email: ['email', 'e mail', 'mail', 'courriel', 'adresse email', 'adresse e mail', 'adresse mail', 'email payeur', 'payer email', 'email address'],
  street: ['adresse', 'rue', 'address', 'street', 'adresse postale', 'adresse payeur', 'address line 1'],
  building: ['batiment', 'immeuble', 'residence', 'building', 'bat', 'escalier'],
  postalCode: ['cp', 'code postal', 'postal code', 'zip', 'zip code', 'postcode', 'code postal payeur'],
  city: ['ville', 'commune', 'city', 'town', 'ville payeur'],
  neighbourhood: ['quartier', 'neighbourhood', 'neighborhood', 'secteur', 'district'],
  tags: ['etiquettes', 'etiquette', 'tags', 'tag', 'groupes', 'labels'],
  languages: ['langues', 'langue', 'languages', 'language'],
  duesAmount: ['montant', 'montant cotisation', 'cotisation', 'montant tarif', 'amount', 'dues', 'montant paye', 'montant total'],
  duesDate: ['date', 'date de la commande', 'date du paiement', 'date de paiement', 'date paiement', 'date cotisation', 'payment date', 'date adhesion'],
  duesMethod: ['moyen de paiement', 'mode de paiement', 'payment method', 'reglement'],
  duesReference: [
    'reference commande',
    'numero de commande',
    'numero commande',
    'reference',
    'order id',
    'order number',
    'id commande',
    'reference de la commande',
  ],
};

const key = (header: string) =>
  normalizeForMatch(header)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

const LOOKUP = new Map<string, ImportField>();
for (const field of IMPORT_FIELDS) for (const synonym of SYNONYMS[field]) if (!LOOKUP.has(synonym)) LOOKUP.set(synonym, field);

/** The proposed field for each header; a field is proposed once (the first column that names it). */
export function proposeMapping(headers: string[]): Array<ImportField | null> {
  const taken = new Set<ImportField>();
  return headers.map((header) => {
    const field = LOOKUP.get(key(header)) ?? null;
    if (!field || taken.has(field)) return null;
    taken.add(field);
    return field;
  });
}
