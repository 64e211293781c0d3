import type { Gql } from './replay-fixture.js';

// The permanences of "Si on s'alliait ?" for the Villejean demo, recorded through the
// api like any volunteer would (createSessionSeries, recordAttendance, openCase,
// addCaseStep, updateCase): the two weekly permanences since November 2019 (Tuesdays
// 10:00–12:30, Thursdays 14:00–16:30), the code de la route workshop, the Monday team
// meeting, attendance at the last few permanences, and three dozen CPAM and CAF cases
// linked to the campaign, most resolved, so the brief and the dashboard show evidence.
// The api dates a case when it is opened and closed; the demo's history (2019–2022) is
// then written back in SQL, the one thing the api would not let a volunteer do.
// Deterministic: the same table every time; only what is relative to today (recent
// attendance, next steps of open cases) follows `now`.

const DAY = 86_400_000;

export const DEMO_SERIES = [
  {
    kind: 'PERMANENCE',
    title: 'Permanence d’entraide administrative (mardi)',
    location: 'Maison de quartier de Villejean',
    rrule: 'DTSTART:20191105\nRRULE:FREQ=WEEKLY;BYDAY=TU',
    startTime: '10:00',
    endTime: '12:30',
    visibility: 'ALLIES',
  },
  {
    kind: 'PERMANENCE',
    title: 'Permanence d’entraide administrative (jeudi)',
    location: 'Maison de quartier de Villejean',
    rrule: 'DTSTART:20191107\nRRULE:FREQ=WEEKLY;BYDAY=TH',
    startTime: '14:00',
    endTime: '16:30',
    visibility: 'ALLIES',
  },
  {
    kind: 'WORKSHOP',
    title: 'Atelier code de la route',
    location: 'Maison de quartier de Villejean',
    rrule: 'DTSTART:20230905\nRRULE:FREQ=WEEKLY;BYDAY=TU',
    startTime: '14:30',
    endTime: '15:30',
    visibility: 'TEAM',
  },
  {
    kind: 'TEAM_MEETING',
    title: 'Réunion d’équipe',
    location: 'Local de l’association',
    rrule: 'DTSTART:20191104\nRRULE:FREQ=WEEKLY;BYDAY=MO',
    startTime: '13:30',
    endTime: '15:00',
    visibility: 'TEAM',
  },
] as const;

const CPAM_SUMMARIES = [
  'Remboursements de soins bloqués depuis la fermeture de l’antenne : trois mois sans réponse.',
  'Carte Vitale perdue, impossible d’obtenir un rendez-vous à l’accueil de la Gare.',
  'Complémentaire santé solidaire refusée faute d’avoir pu déposer le dossier en ligne.',
  'Indemnités journalières non versées après un arrêt de travail.',
  'Attestation de droits introuvable sur le compte ameli, personne pour aider.',
  'Frais d’hospitalisation réclamés alors que les droits étaient ouverts.',
];
const CAF_SUMMARIES = [
  'APL suspendues après un contrôle, sans courrier explicatif.',
  'RSA interrompu : déclaration trimestrielle impossible sans ordinateur.',
  'Trop-perçu réclamé après un changement de situation mal enregistré.',
  'Prime d’activité arrêtée, aucune réponse aux messages sur le site.',
];

export interface DemoCase {
  /** Index into the demo's contacts (the people met at the doors; even ones gave consent). */
  contact: number;
  agency: 'CPAM' | 'CAF';
  /** Index into the fixture's issues. */
  issue: number;
  summary: string;
  openedOn: string;
  status: 'RESOLVED' | 'UNRESOLVED' | 'OPEN' | 'WAITING_ON_AGENCY';
  /** Days from opening to closing, for closed cases. */
  daysToClose: number | null;
  recoveredCents: number | null;
}

export const DEMO_CASE_COUNT = 36;

/**
 * The demo's cases, one every 26 days from 12 November 2019: three CPAM for two CAF; of
 * every six, four resolved, one unresolved, one still open (OPEN or WAITING_ON_AGENCY).
 * Every other resolved case recovered money for the person.
 */
export function demoCases(): DemoCase[] {
  const cases: DemoCase[] = [];
  for (let i = 0; i < DEMO_CASE_COUNT; i++) {
    const caf = i % 5 === 1 || i % 5 === 3;
    const kind = i % 6;
    const status = kind <= 3 ? 'RESOLVED' : kind === 4 ? 'UNRESOLVED' : i % 12 === 5 ? 'OPEN' : 'WAITING_ON_AGENCY';
    const closed = status === 'RESOLVED' || status === 'UNRESOLVED';
    cases.push({
      contact: (i * 7) % 30,
      agency: caf ? 'CAF' : 'CPAM',
      // CPAM: the antenna's closure or everything online; CAF: no computer nor help.
      issue: caf ? 3 : i % 2 === 0 ? 0 : 1,
      summary: caf ? CAF_SUMMARIES[i % CAF_SUMMARIES.length] : CPAM_SUMMARIES[i % CPAM_SUMMARIES.length],
      openedOn: new Date(Date.UTC(2019, 10, 12) + i * 26 * DAY).toISOString().slice(0, 10),
      status,
      daysToClose: closed ? 14 + ((i * 17) % 80) : null,
      recoveredCents: status === 'RESOLVED' && i % 2 === 0 ? 15_000 + ((i * 3_700) % 180_000) : null,
    });
  }
  return cases;
}

/** Where the history is written back: the api's DataSource, or a test's pool. */
export interface SqlRunner {
  query(sql: string, params: unknown[]): Promise<unknown>;
}

export interface DemoCaseworkContext {
  token: string;
  campaignId: string;
  contactIds: string[];
  issues: string[];
}

export async function seedDemoCasework(
  gql: Gql,
  db: SqlRunner,
  { token, campaignId, contactIds, issues }: DemoCaseworkContext,
  now = new Date(),
): Promise<void> {
  if (contactIds.length < 30 || issues.length < 4) return;
  const q: Gql = (query, variables) => gql(query, variables, token);
  const me = (await q(`{ me { id } }`)).me.id as string;

  const seriesIds: string[] = [];
  for (const input of DEMO_SERIES) {
    seriesIds.push((await q(`mutation($input: SessionSeriesInput!) { createSessionSeries(input: $input) { id } }`, { input })).createSessionSeries.id);
  }

  // Attendance at the last six weeks' permanences and workshops: four to six regulars each.
  const { sessions } = await q(`query($from: DateTime!, $to: DateTime!) { sessions(from: $from, to: $to) { id startsAt series { id } } }`, {
    from: new Date(now.getTime() - 42 * DAY).toISOString(),
    to: now.toISOString(),
  });
  const attended = (sessions as Array<{ id: string; startsAt: string; series: { id: string } }>).filter(
    (s) => s.series.id !== seriesIds[3] && new Date(s.startsAt) < now,
  );
  for (const [k, session] of attended.entries()) {
    const size = 4 + (k % 3);
    const people = Array.from({ length: size }, (_, j) => contactIds[(k * 3 + j * 2) % 12]);
    await q(`mutation($s: ID!, $c: [ID!]!) { recordAttendance(sessionId: $s, contactIds: $c) { id } }`, { s: session.id, c: [...new Set(people)] });
  }

  for (const [i, c] of demoCases().entries()) {
    const opened = new Date(`${c.openedOn}T09:30:00Z`);
    const open = c.status === 'OPEN' || c.status === 'WAITING_ON_AGENCY';
    const created = await q(`mutation($input: CaseInput!) { openCase(input: $input) { id } }`, {
      input: {
        contactId: contactIds[c.contact],
        agency: c.agency,
        issueName: issues[c.issue],
        summary: c.summary,
        ownerId: me,
        campaignId,
        nextStepAt: open ? new Date(now.getTime() + (1 + (i % 10)) * DAY).toISOString() : null,
      },
    });
    const id: string = created.openCase.id;
    await q(`mutation($id: ID!, $note: String!, $at: DateTime) { addCaseStep(caseId: $id, note: $note, at: $at) { id } }`, {
      id,
      note:
        c.agency === 'CAF'
          ? 'Dossier monté avec la personne à la permanence, envoyé à la CAF.'
          : 'Dossier monté avec la personne à la permanence, envoyé à la CPAM.',
      at: new Date(opened.getTime() + DAY).toISOString(),
    });
    const closedAt = c.daysToClose === null ? null : new Date(opened.getTime() + c.daysToClose * DAY);
    if (closedAt) {
      await q(`mutation($id: ID!, $note: String!, $at: DateTime) { addCaseStep(caseId: $id, note: $note, at: $at) { id } }`, {
        id,
        note: c.status === 'RESOLVED' ? 'Réponse favorable de l’organisme.' : 'Refus maintenu malgré le recours.',
        at: new Date(closedAt.getTime() - DAY).toISOString(),
      });
    }
    if (c.status !== 'OPEN') {
      await q(`mutation($id: ID!, $input: CaseUpdateInput!) { updateCase(id: $id, input: $input) { id } }`, {
        id,
        input: { status: c.status, ...(c.recoveredCents ? { recoveredCents: c.recoveredCents } : {}) },
      });
    }
    // The case's history, as it happened: opened (and closed) on its days; the step the
    // status change wrote, on the day of the change.
    const changedAt = closedAt ?? new Date(opened.getTime() + 2 * DAY);
    await db.query(`UPDATE cases SET opened_at = $2, closed_at = $3 WHERE id = $1`, [id, opened, closedAt]);
    await db.query(`UPDATE case_steps SET at = $2 WHERE case_id = $1 AND at > $3`, [id, changedAt, new Date(Date.now() - 3_600_000)]);
  }
}
