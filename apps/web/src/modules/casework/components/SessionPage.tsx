import { useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useParams } from '../../../router';
import { errorMessage } from '../../../apollo/errors';
import { useFormat } from '../../../i18n/format';
import { useSession } from '../../auth/session';
import { ContactSearch, contactName } from '../../contacts/components/ContactSearch';
import { discardRejected, submitToOutbox, useOutbox } from '../../field/outbox/outbox';
import type { AttendanceEntry } from '../../field/outbox/store';
import { usePageTitle } from '../../shell/components/usePageTitle';
import { useOnline } from '../../shell/useOnline';
import { NewAttendeeMutation, SessionRegularsQuery, SessionsQuery } from '../graphql/casework';
import { useCaseworkT } from '../messages';

const DAY = 86_400_000;
/** The regulars: whoever came to the series in these last weeks. */
const REGULARS_WEEKS = 8;

/** The day in a session id (`<series>_<YYYY-MM-DD>`): the page reads that day's sessions. */
export function dayOfSession(id: string): string | null {
  const m = /_(\d{4}-\d{2}-\d{2})$/.exec(id);
  return m ? m[1] : null;
}

type Person = { id: string; firstName: string; lastName?: string | null };

/** The people of the series' recent sessions, most often present first, then by name. */
export function regularsOf(sessions: ReadonlyArray<{ attendees: readonly Person[] }>): Person[] {
  const seen = new Map<string, { person: Person; visits: number }>();
  for (const s of sessions) for (const a of s.attendees) seen.set(a.id, { person: a, visits: (seen.get(a.id)?.visits ?? 0) + 1 });
  return [...seen.values()].sort((a, b) => b.visits - a.visits || contactName(a.person).localeCompare(contactName(b.person))).map((r) => r.person);
}

/**
 * /sessions/:id — a phone-friendly page to tap the people present: the regulars in one
 * tap, search, or a new person in two fields. Each tap goes through the outbox (like a
 * door at the field form): without signal it waits on the phone and is sent once when
 * the network returns; recordAttendance adds nobody twice.
 */
export function SessionPage() {
  const t = useCaseworkT();
  const format = useFormat();
  const online = useOnline();
  const member = useSession();
  const userId = member?.user.id;
  const { id = '' } = useParams();
  const day = dayOfSession(id);
  const seriesId = day ? id.slice(0, -day.length - 1) : '';
  const start = day ? new Date(`${day}T00:00:00Z`).getTime() : 0;
  const { data, loading, error } = useQuery(SessionsQuery, {
    variables: { from: new Date(start - DAY).toISOString(), to: new Date(start + 2 * DAY).toISOString() },
    skip: !day,
  });
  const regularsQuery = useQuery(SessionRegularsQuery, {
    variables: { from: new Date(start - REGULARS_WEEKS * 7 * DAY).toISOString(), to: new Date(start).toISOString() },
    skip: !day,
  });
  const [create, creating] = useMutation(NewAttendeeMutation);
  const outbox = useOutbox(userId);
  const [firstName, setFirstName] = useState('');
  const [lastName, setLastName] = useState('');
  const [tapped, setTapped] = useState<Map<string, string>>(new Map());
  const [notice, setNotice] = useState('');
  const [refusal, setRefusal] = useState('');
  const session = data?.sessions.find((s) => s.id === id);
  usePageTitle(session?.title ?? t('sessions.pageTitle'));

  const waiting = outbox.pending.filter((e): e is AttendanceEntry => e.kind === 'attendance' && e.input.sessionId === id);
  const recorded = new Map((session?.attendees ?? []).map((a) => [a.id, contactName(a)]));
  // Present: what the API has, what waits on this phone, what was just tapped.
  const present = new Map(recorded);
  for (const e of waiting) e.input.contactIds.forEach((c, i) => present.set(c, e.names[i] ?? ''));
  for (const [c, name] of tapped) present.set(c, name);
  const regulars = useMemo(
    () => regularsOf((regularsQuery.data?.sessionSeries ?? []).filter((s) => s.id === seriesId).flatMap((s) => s.sessions)),
    [regularsQuery.data, seriesId],
  );

  async function markPresent(contactId: string, name: string) {
    if (!userId || !session || present.has(contactId)) return;
    setTapped((m) => new Map(m).set(contactId, name));
    setRefusal('');
    // One entry per person and session: a second tap while offline replaces the first.
    const clientId = `attendance:${id}:${contactId}`;
    const result = await submitToOutbox({
      kind: 'attendance',
      clientId,
      userId,
      createdAt: new Date().toISOString(),
      attempts: 0,
      input: { sessionId: id, contactIds: [contactId] },
      names: [name],
      sessionTitle: session.title,
    });
    if (result.status === 'rejected') {
      setTapped((m) => {
        const next = new Map(m);
        next.delete(contactId);
        return next;
      });
      setRefusal(result.entry.message);
      await discardRejected(clientId);
    } else if (result.status === 'waiting') {
      setNotice(t('sessions.kept'));
    }
  }

  async function addNew(event: FormEvent) {
    event.preventDefault();
    if (!firstName.trim()) return;
    const created = await create({ variables: { input: { firstName: firstName.trim(), lastName: lastName.trim() || null } } }).catch(() => null);
    if (created?.data) await markPresent(created.data.createContact.id, contactName(created.data.createContact));
    setFirstName('');
    setLastName('');
  }

  if (!day) return <p className="alert">{t('sessions.notFound')}</p>;
  const failure = error ?? creating.error;
  const names = [...present.entries()];
  return (
    <section className="page session-page">
      <h1>{session?.title ?? t('sessions.pageTitle')}</h1>
      {loading && !data ? <p role="status">{t('common.loading')}</p> : null}
      {data && !session ? <p className="alert">{t('sessions.notFound')}</p> : null}
      {failure ? (
        <p className="alert" role="alert">
          {errorMessage(failure, t)}
        </p>
      ) : null}
      {refusal ? (
        <p className="alert" role="alert">
          {refusal}
        </p>
      ) : null}
      {session ? (
        <>
          <p>
            {format.weekday(session.startsAt)}
            {session.location ? ` · ${session.location}` : ''}
            {session.cancelled ? ` · ${t('sessions.cancelled')}` : ''}
          </p>
          <h2>{t('sessions.present', { count: String(names.length) })}</h2>
          <p role="status" data-attendance-waiting={waiting.length}>
            {waiting.length ? `${t('sessions.waiting', { count: waiting.length })}. ${notice}` : ''}
          </p>
          <ul className="list" aria-live="polite">
            {names.map(([contactId, name]) => (
              <li key={contactId}>{name}</li>
            ))}
          </ul>
          {regulars.length ? (
            <fieldset className="regulars">
              <legend>{t('sessions.regulars')}</legend>
              <ul className="list regulars-list">
                {regulars.map((r) => {
                  const name = contactName(r);
                  const isPresent = present.has(r.id);
                  return (
                    <li key={r.id}>
                      <button
                        type="button"
                        className={`button ${isPresent ? 'button-primary' : 'button-secondary'} regular`}
                        aria-pressed={isPresent}
                        aria-label={t('sessions.tapPresent', { name })}
                        onClick={() => void markPresent(r.id, name)}
                      >
                        {isPresent ? '✓ ' : ''}
                        {name}
                      </button>
                    </li>
                  );
                })}
              </ul>
            </fieldset>
          ) : null}
          <ContactSearch label={t('sessions.find')} name="attendee" onPick={(c) => void markPresent(c.id, c.label)} />
          <form onSubmit={addNew} className="panel">
            <h2>{t('sessions.newPerson')}</h2>
            {online ? null : <p className="hint">{t('sessions.newNeedsNetwork')}</p>}
            <div className="field">
              <label htmlFor="attendee-first">{t('sessions.firstName')}</label>
              <input id="attendee-first" value={firstName} onChange={(e) => setFirstName(e.target.value)} required />
            </div>
            <div className="field">
              <label htmlFor="attendee-last">{t('sessions.lastName')}</label>
              <input id="attendee-last" value={lastName} onChange={(e) => setLastName(e.target.value)} />
            </div>
            <button type="submit" className="button" disabled={creating.loading || !online}>
              {t('sessions.addPresent')}
            </button>
          </form>
        </>
      ) : null}
    </section>
  );
}
