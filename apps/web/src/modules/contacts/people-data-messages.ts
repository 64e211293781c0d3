import { useModuleT, type ModuleCatalogs, type TranslateParams } from '../../i18n';

/**
 * The words of the duplicates review and the list export, French first, English too. In this
 * module's chunk, not in i18n/fr.ts and en.ts: those are loaded by every page, /field's
 * phone bundle included, whose size budget is checked at build.
 */
const fr = {
  'duplicates.title': 'Doublons',
  'duplicates.count': '{count} paire à vérifier|{count} paires à vérifier',
  'duplicates.link': 'Doublons à vérifier',
  'duplicates.score': 'ressemblance {score} %',
  'duplicates.recordA': 'Fiche 1',
  'duplicates.recordB': 'Fiche 2',
  'duplicates.keepWhich': 'Quelle fiche garder ?',
  'duplicates.keep': 'Garder {name}',
  'duplicates.lostTitle': 'Ces informations de l’autre fiche seront perdues :',
  'duplicates.keptValue': '(on garde : {value})',
  'duplicates.nothingLost': 'Rien ne sera perdu : les champs vides de la fiche gardée prennent les valeurs de l’autre.',
  'duplicates.moves': 'Conversations, engagements, actions, adhésions et cotisations, dossiers, présences et étiquettes passent sur la fiche gardée.',
  'duplicates.merge': 'Fusionner en gardant {name}',
  'duplicates.notSame': 'Pas la même personne',
  'duplicates.reason.SAME_PHONE': 'même téléphone',
  'duplicates.reason.SAME_EMAIL': 'même e-mail',
  'duplicates.reason.SIMILAR_NAME_SAME_BUILDING': 'nom proche, même bâtiment',
  'duplicates.reason.SIMILAR_NAME_SAME_STREET': 'nom proche, même rue',
  'duplicates.field.firstName': 'Prénom',
  'duplicates.field.lastName': 'Nom',
  'duplicates.field.phone': 'Téléphone',
  'duplicates.field.email': 'E-mail',
  'duplicates.field.street': 'Rue',
  'duplicates.field.building': 'Bâtiment',
  'duplicates.field.postalCode': 'Code postal',
  'duplicates.field.city': 'Ville',
  'duplicates.field.neighbourhood': 'Quartier',
  'duplicates.field.consentGivenAt': 'Consentement',
  'contact.merged': 'Fiches fusionnées : tout l’historique est maintenant ici.',
  'contactsExport.title': 'Exporter la liste',
  'contactsExport.format': 'Format',
  'contactsExport.csv': 'CSV (Excel, séparateur ;)',
  'contactsExport.xlsx': 'Classeur Excel (.xlsx)',
  'contactsExport.button': 'Exporter',
  'contactsExport.started': 'Le téléchargement commence.',
  'duplicates.intro':
    'Ces fiches semblent décrire la même personne. Comparez-les, puis fusionnez-les (tout l’historique passe sur la fiche gardée) ou indiquez que ce ne sont pas les mêmes personnes.',
  'contactsExport.intro':
    'Les personnes de la liste filtrée, avec tous leurs champs, leur adhésion et leur dernière conversation. Le lien de téléchargement ne sert qu’une fois, pendant 10 minutes ; l’export est inscrit au journal.',
  'contactsExport.leaderWhy':
    'Seul·es les organisateur·ices peuvent exporter la liste : un export sort les coordonnées de tout le monde de Rapport, il est donc inscrit au journal au nom d’un·e organisateur·ice. Demandez à l’un·e d’eux.',
} as const;

export type PeopleDataKey = keyof typeof fr;

const en: Record<PeopleDataKey, string> = {
  'duplicates.intro':
    'These records seem to describe the same person. Compare them, then merge them (the whole history moves to the record kept) or say they are not the same person.',
  'contactsExport.intro':
    'The people of the filtered list, with all their fields, membership and last conversation. The download link works once, for 10 minutes; the export is written to the audit log.',
  'contactsExport.leaderWhy':
    'Only organisers may export the list: an export takes everyone’s details out of Rapport, so it is written to the audit log under an organiser’s name. Ask one of them.',
  'duplicates.title': 'Duplicates',
  'duplicates.count': '{count} pair to check|{count} pairs to check',
  'duplicates.link': 'Duplicates to check',
  'duplicates.score': '{score}% alike',
  'duplicates.recordA': 'Record 1',
  'duplicates.recordB': 'Record 2',
  'duplicates.keepWhich': 'Which record to keep?',
  'duplicates.keep': 'Keep {name}',
  'duplicates.lostTitle': 'These details of the other record will be lost:',
  'duplicates.keptValue': '(kept: {value})',
  'duplicates.nothingLost': 'Nothing will be lost: the kept record’s empty fields take the other’s values.',
  'duplicates.moves': 'Conversations, commitments, actions, memberships and dues, cases, attendance and tags move to the kept record.',
  'duplicates.merge': 'Merge, keeping {name}',
  'duplicates.notSame': 'Not the same person',
  'duplicates.reason.SAME_PHONE': 'same phone',
  'duplicates.reason.SAME_EMAIL': 'same email',
  'duplicates.reason.SIMILAR_NAME_SAME_BUILDING': 'similar name, same building',
  'duplicates.reason.SIMILAR_NAME_SAME_STREET': 'similar name, same street',
  'duplicates.field.firstName': 'First name',
  'duplicates.field.lastName': 'Last name',
  'duplicates.field.phone': 'Phone',
  'duplicates.field.email': 'Email',
  'duplicates.field.street': 'Street',
  'duplicates.field.building': 'Building',
  'duplicates.field.postalCode': 'Postal code',
  'duplicates.field.city': 'City',
  'duplicates.field.neighbourhood': 'Neighbourhood',
  'duplicates.field.consentGivenAt': 'Consent',
  'contact.merged': 'Records merged: the whole history is here now.',
  'contactsExport.title': 'Export the list',
  'contactsExport.format': 'Format',
  'contactsExport.csv': 'CSV (Excel, ; separated)',
  'contactsExport.xlsx': 'Excel workbook (.xlsx)',
  'contactsExport.button': 'Export',
  'contactsExport.started': 'The download is starting.',
};

export const PEOPLE_DATA_MESSAGES: ModuleCatalogs<PeopleDataKey> = { fr, en };

/** `m('duplicates.title')`: these messages in the current locale, filled as the app's are. */
export function usePageMessages(): (key: PeopleDataKey, params?: TranslateParams) => string {
  return useModuleT(PEOPLE_DATA_MESSAGES);
}
