import type { Locale } from '@rapport/shared';
import { useLocale } from '../../../i18n';

// The check-in page's words, French first, kept apart from the app's catalogues (which
// /field loads) so that they load with the page only.

const fr = {
  title: 'Accueil : {title}',
  link: 'Pointer les présent·es et appeler',
  back: 'Retour à l’action',
  loading: 'Chargement…',
  notFound: 'Action introuvable.',
  cancelled: 'Cette action est annulée : pas de pointage.',
  counts: '{attended} présent·e(s) · {committed} engagé·e(s){goal}',
  goal: ' · objectif {goal}',
  search: 'Chercher un nom',
  here: 'présent·e',
  tap: 'Pointer {name}',
  newPerson: 'Nouvelle personne',
  firstName: 'Prénom',
  lastName: 'Nom',
  add: 'Ajouter et pointer',
  close: 'Clore le pointage',
  closeHint: 'Les personnes engagées non pointées passent « pas venues » ; la liste à rappeler part demain matin.',
  closed: 'Pointage clos.',
  callList: 'À appeler',
  callListHint: 'Personnes invitées ou engagées, les moins récemment appelées d’abord.',
  noPhone: 'pas de téléphone',
  neverCalled: 'jamais appelé·e',
  calledAt: 'appelé·e le {when}',
  'status.INVITED': 'invité·e',
  'status.COMMITTED': 'engagé·e',
};

const en: typeof fr = {
  title: 'Check-in: {title}',
  link: 'Check people in and call',
  back: 'Back to the action',
  loading: 'Loading…',
  notFound: 'Action not found.',
  cancelled: 'This action is cancelled: no check-in.',
  counts: '{attended} here · {committed} committed{goal}',
  goal: ' · goal {goal}',
  search: 'Search a name',
  here: 'here',
  tap: 'Check in {name}',
  newPerson: 'New person',
  firstName: 'First name',
  lastName: 'Last name',
  add: 'Add and check in',
  close: 'Close attendance',
  closeHint: 'Committed people not checked in become “did not come”; the call-back list goes out tomorrow morning.',
  closed: 'Attendance closed.',
  callList: 'To call',
  callListHint: 'People invited or committed, least recently called first.',
  noPhone: 'no phone',
  neverCalled: 'never called',
  calledAt: 'called {when}',
  'status.INVITED': 'invited',
  'status.COMMITTED': 'committed',
};

export type TurnoutKey = keyof typeof fr;
const catalogs: Record<Locale, typeof fr> = { fr, en };

export function useTurnoutT() {
  const { locale } = useLocale();
  return (key: TurnoutKey, params: Record<string, string | number> = {}) =>
    (catalogs[locale] ?? fr)[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
