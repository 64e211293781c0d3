import { useCallback } from 'react';
import { fillMessage, useLocale, useT, type Locale, type MessageKey, type TranslateParams } from '../../i18n';

// The words of permanences, cases and their evidence, in their own catalog: only the
// pages that show them load it (the /field bundle stays within its budget). French
// first, English too; `useCaseworkT` reads this catalog, then the app's.

const fr = {
  'evidence.title': 'Évidence de nos permanences',
  'evidence.dashboardTitle': 'Dossiers des permanences liés à la campagne',
  'evidence.hint':
    'Les dossiers des permanences liés à cette campagne, comptés sans aucun nom ; les citations viennent seulement de personnes qui ont donné leur accord.',
  'evidence.none': 'Aucun dossier de permanence n’est lié à cette campagne.',
  'evidence.cases': 'Dossiers',
  'evidence.people': 'Personnes',
  'evidence.open': 'En cours',
  'evidence.resolved': 'Résolus',
  'evidence.unresolved': 'Sans solution',
  'evidence.medianDays': 'Durée médiane jusqu’à la clôture',
  'evidence.days': '{count} jour|{count} jours',
  'evidence.noMedian': '—',
  'evidence.recovered': 'Sommes récupérées pour les personnes',
  'evidence.byAgency': 'Par organisme',
  'evidence.agency': 'Organisme',
  'evidence.quotes': 'Ce que disent les dossiers',
  'evidence.sentence':
    '{cases} dossier suivi pour {people} personne : {resolved} résolu, {unresolved} sans solution, {open} en cours.|{cases} dossiers suivis pour {people} personnes : {resolved} résolus, {unresolved} sans solution, {open} en cours.',
  'evidence.sentenceMedian': 'Durée médiane jusqu’à la clôture : {days} jours.',
  'evidence.sentenceRecovered': '{money} récupérés pour les personnes.',
  'dashboard.cases': 'Dossiers des permanences',
  'dashboard.quotes': 'Paroles (avec accord)',
  'dashboard.casesOf': '{cases} ({resolved} résolus)',
  'cases.open': 'Ouvrir un dossier',
  'cases.agency': 'Organisme (CAF, CPAM, préfecture…)',
  'cases.issue': 'Problème (comme dans les conversations)',
  'cases.summary': 'La situation, en quelques mots',
  'cases.owner': 'Suivi par',
  'cases.ownerMe': 'Moi',
  'cases.ownerNobody': 'Personne pour l’instant',
  'cases.nextStepAt': 'Date de la prochaine étape',
  'cases.campaign': 'Campagne liée',
  'cases.noCampaign': 'Aucune',
  'cases.person': 'Personne concernée',
  'cases.save': 'Ouvrir le dossier',
  'cases.opened': 'Dossier ouvert.',
  'cases.follow': 'Suivre ce dossier',
  'cases.steps': 'Étapes',
  'cases.stepNote': 'Ce qui a été fait',
  'cases.stepAt': 'Date de l’étape',
  'cases.stepSave': 'Ajouter l’étape',
  'cases.stepAdded': 'Étape ajoutée.',
  'cases.moveSave': 'Déplacer la prochaine étape',
  'cases.moved': 'Prochaine étape déplacée.',
  'cases.closeAs': 'Clôturer le dossier',
  'cases.recovered': 'Somme récupérée pour la personne, en euros (facultatif)',
  'cases.closeSave': 'Clôturer',
  'cases.closedDone': 'Dossier clôturé.',
  'cases.closedOn': 'clos le {date}',
  'cases.recoveredShown': '{money} récupérés',
  'cases.badAmount': 'Écrire un montant en euros, par exemple 120 ou 45,50.',
  'cases.by': 'suivi par {name}',
  'sessions.regulars': 'Venu·es ces dernières semaines',
  'sessions.tapPresent': '{name} : présent·e',
  'sessions.isPresent': 'présent·e',
  'sessions.kept': 'Gardé sur ce téléphone : envoyé dès le retour du réseau.',
  'sessions.waiting': '{count} présence en attente d’envoi|{count} présences en attente d’envoi',
  'sessions.newNeedsNetwork': 'Ajouter une nouvelle personne demande le réseau ; les personnes déjà venues se cochent hors ligne.',
};

export type CaseworkKey = keyof typeof fr;

const en: Record<CaseworkKey, string> = {
  'evidence.title': 'Evidence from our permanences',
  'evidence.dashboardTitle': 'Cases from the permanences linked to the campaign',
  'evidence.hint': 'The permanences’ cases linked to this campaign, counted without any name; quotes only from people who gave consent.',
  'evidence.none': 'No case from the permanences is linked to this campaign.',
  'evidence.cases': 'Cases',
  'evidence.people': 'People',
  'evidence.open': 'Open',
  'evidence.resolved': 'Resolved',
  'evidence.unresolved': 'Unresolved',
  'evidence.medianDays': 'Median time to close',
  'evidence.days': '{count} day|{count} days',
  'evidence.noMedian': '—',
  'evidence.recovered': 'Money recovered for people',
  'evidence.byAgency': 'By agency',
  'evidence.agency': 'Agency',
  'evidence.quotes': 'What the cases say',
  'evidence.sentence':
    '{cases} case followed for {people} person: {resolved} resolved, {unresolved} unresolved, {open} open.|{cases} cases followed for {people} people: {resolved} resolved, {unresolved} unresolved, {open} open.',
  'evidence.sentenceMedian': 'Median time to close: {days} days.',
  'evidence.sentenceRecovered': '{money} recovered for people.',
  'dashboard.cases': 'Cases from the permanences',
  'dashboard.quotes': 'Words (with consent)',
  'dashboard.casesOf': '{cases} ({resolved} resolved)',
  'cases.open': 'Open a case',
  'cases.agency': 'Agency (CAF, CPAM, préfecture…)',
  'cases.issue': 'Problem (as in conversations)',
  'cases.summary': 'The situation, in a few words',
  'cases.owner': 'Followed by',
  'cases.ownerMe': 'Me',
  'cases.ownerNobody': 'Nobody yet',
  'cases.nextStepAt': 'Next step date',
  'cases.campaign': 'Linked campaign',
  'cases.noCampaign': 'None',
  'cases.person': 'Person concerned',
  'cases.save': 'Open the case',
  'cases.opened': 'Case opened.',
  'cases.follow': 'Follow up this case',
  'cases.steps': 'Steps',
  'cases.stepNote': 'What was done',
  'cases.stepAt': 'Date of the step',
  'cases.stepSave': 'Add the step',
  'cases.stepAdded': 'Step added.',
  'cases.moveSave': 'Move the next step',
  'cases.moved': 'Next step moved.',
  'cases.closeAs': 'Close the case',
  'cases.recovered': 'Money recovered for the person, in euros (optional)',
  'cases.closeSave': 'Close',
  'cases.closedDone': 'Case closed.',
  'cases.closedOn': 'closed on {date}',
  'cases.recoveredShown': '{money} recovered',
  'cases.badAmount': 'Write an amount in euros, for example 120 or 45.50.',
  'cases.by': 'followed by {name}',
  'sessions.regulars': 'Came in recent weeks',
  'sessions.tapPresent': '{name}: present',
  'sessions.isPresent': 'present',
  'sessions.kept': 'Kept on this phone: sent when the network is back.',
  'sessions.waiting': '{count} attendance waiting to be sent|{count} attendances waiting to be sent',
  'sessions.newNeedsNetwork': 'Adding a new person needs the network; people who came before can be ticked offline.',
};

const catalogs: Record<Locale, Record<CaseworkKey, string>> = { fr, en };

export type CaseworkTranslate = (key: CaseworkKey | MessageKey, params?: TranslateParams) => string;

/** Like useT, for this module's words as well as the app's. */
export function useCaseworkT(): CaseworkTranslate {
  const { locale } = useLocale();
  const t = useT();
  return useCallback(
    (key, params) => (key in fr ? fillMessage(locale, catalogs[locale][key as CaseworkKey] ?? fr[key as CaseworkKey], params) : t(key as MessageKey, params)),
    [locale, t],
  );
}
