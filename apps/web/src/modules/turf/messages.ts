import type { Locale } from '@rapport/shared';
import { useLocale } from '../../i18n';

// The turf pages' words, French first. Kept apart from the app's catalogues so that
// /field's bundle (which loads those) stays within its budget: they load with the page.

const fr = {
  title: 'Terrain',
  intro: 'Les immeubles de la campagne, étage par étage. Sélectionnez des portes puis enregistrez « Absent » ou « Refus » d’un coup.',
  loading: 'Chargement…',
  none: 'Aucun immeuble pour l’instant.',
  progress: '{knocked} porte(s) frappée(s) sur {doors}, {talked} conversation(s)',
  floor: 'Étage {floor}',
  ground: 'Rez-de-chaussée',
  selected: '{count} porte(s) sélectionnée(s)',
  notHome: 'Absent',
  refused: 'Refus',
  clear: 'Tout désélectionner',
  talkAtDoor: 'Noter une conversation à cette porte',
  saved: '{count} porte(s) enregistrée(s).',
  queued: '{count} porte(s) gardée(s) sur ce téléphone : envoi dès le retour du réseau.',
  pending: 'en attente d’envoi',
  legend: 'Légende',
  'outcome.none': 'pas encore frappé',
  'outcome.NOT_HOME': 'absent',
  'outcome.REFUSED': 'refus',
  'outcome.TALKED': 'conversation',
  'outcome.MOVED': 'déménagé',
  doNotKnock: 'ne plus frapper',
  door: 'Porte {label}, {state}',
  revisit: 'À revisiter',
  revisitIntro: 'Portes jamais ouvertes, dernière visite il y a au moins {days} jours.',
  revisitNone: 'Aucune porte à revisiter.',
  dashboardLink: 'Terrain (immeubles et portes)',
  buildings: 'Immeubles',
  openGrid: 'Voir la grille porte par porte',
  buildingsUnavailable: 'Les immeubles n’ont pas pu être chargés.',
  building: 'Immeuble',
  knocked: 'Portes frappées',
  talked: 'Conversations',
  doors: 'Portes',
  // Labels before the numbers: no agreement to get wrong ("1 présent·es").
  turnoutFull: 'présent·es : {attended} · engagé·es : {committed} · objectif : {goal}',
  back: 'Retour à la campagne',
  sheet: 'Feuilles de route',
  print: 'Imprimer',
  sheetHint: 'Cocher : A absent, R refus, C conversation. ✕ : ne plus frapper.',
  qr: 'QR code : ouvrir {name} dans le formulaire terrain',
  sheetGrid: 'Portes de {name}, étage par étage',
  assignedTo: 'Assigné à : {names}.',
  nobodyAssigned: 'Assigné à personne pour l’instant.',
  assign: 'Assigner',
  assignLegend: 'Qui fait {name} ?',
  assignSave: 'Enregistrer l’affectation',
  assignCancel: 'Annuler',
  assignSaved: 'Affectation enregistrée.',
  noMembers: 'Aucun membre à qui assigner cet immeuble.',
};

const en: typeof fr = {
  title: 'Turf',
  intro: "The campaign's buildings, floor by floor. Select doors, then record “Not home” or “Refused” at once.",
  loading: 'Loading…',
  none: 'No building yet.',
  progress: '{knocked} of {doors} door(s) knocked, {talked} conversation(s)',
  floor: 'Floor {floor}',
  ground: 'Ground floor',
  selected: '{count} door(s) selected',
  notHome: 'Not home',
  refused: 'Refused',
  clear: 'Clear selection',
  talkAtDoor: 'Log a conversation at this door',
  saved: '{count} door(s) recorded.',
  queued: '{count} door(s) kept on this phone: sent when the network returns.',
  pending: 'waiting to be sent',
  legend: 'Legend',
  'outcome.none': 'not knocked yet',
  'outcome.NOT_HOME': 'not home',
  'outcome.REFUSED': 'refused',
  'outcome.TALKED': 'talked',
  'outcome.MOVED': 'moved',
  doNotKnock: 'do not knock',
  door: 'Door {label}, {state}',
  revisit: 'To revisit',
  revisitIntro: 'Doors never answered, last visited at least {days} days ago.',
  revisitNone: 'No door to revisit.',
  dashboardLink: 'Turf (buildings and doors)',
  buildings: 'Buildings',
  openGrid: 'Open the floor-by-door grid',
  buildingsUnavailable: 'The buildings could not be loaded.',
  building: 'Building',
  knocked: 'Doors knocked',
  talked: 'Talked',
  doors: 'Doors',
  turnoutFull: 'attended: {attended} · committed: {committed} · goal: {goal}',
  back: 'Back to the campaign',
  sheet: 'Walk sheets',
  print: 'Print',
  sheetHint: 'Tick: A not home, R refused, C talked. ✕: do not knock.',
  qr: 'QR code: open {name} in the field form',
  sheetGrid: 'Doors of {name}, floor by floor',
  assignedTo: 'Assigned to: {names}.',
  nobodyAssigned: 'Assigned to nobody yet.',
  assign: 'Assign',
  assignLegend: 'Who walks {name}?',
  assignSave: 'Save the assignment',
  assignCancel: 'Cancel',
  assignSaved: 'Assignment saved.',
  noMembers: 'No member to assign this building to.',
};

export type TurfKey = keyof typeof fr;
const catalogs: Record<Locale, typeof fr> = { fr, en };

export function turfText(locale: Locale, key: TurfKey, params: Record<string, string | number> = {}): string {
  return (catalogs[locale] ?? fr)[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function useTurfT() {
  const { locale } = useLocale();
  return (key: TurfKey, params?: Record<string, string | number>) => turfText(locale, key, params);
}
