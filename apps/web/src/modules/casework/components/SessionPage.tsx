import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useParams } from 'react-router';
import { errorMessage } from '../../../apollo/errors';
import { useT } from '../../../i18n';
import { useFormat } from '../../../i18n/format';
import { ContactSearch, contactName } from '../../contacts/components/ContactSearch';
import { usePageTitle } from '../../shell/components/usePageTitle';
import { NewAttendeeMutation, RecordAttendanceMutation, SessionsQuery } from '../graphql/casework';

const DAY = 86_400_000;

/** The day in a session id (`<series>_<YYYY-MM-DD>`): the page reads that day's sessions. */
export function dayOfSession(id: string): string | null {
  const m = /_(\d{4}-\d{2}-\d{2})$/.exec(id);
  return m ? m[1] : null;
}

/** /sessions/:id — a phone-friendly page to tap the people present: search, or a new person in two fields. */
export function SessionPage() {
  const t = useT();
  const format = useFormat();
  const { id = '' } = useParams();
  const day = dayOfSession(id);
  const start = day ? new Date(`${day}T00:00:00Z`).getTime() : 0;
  const { data, loading, error } = useQuery(SessionsQuery, {
    variables: { from: new Date(start - DAY).toISOString(), to: new Date(start + 2 * DAY).toISOString() },
    skip: !day,
  });
  const [record, recording] = useMutation(RecordAttendanceMutation);
  const [create, creating] = useMutation(NewAttendeeMutation);
  const [firstName, setFirstName] = useState('');
  const [lastName, setLastName] = useState('');
  const session = data?.sessions.find((s) => s.id === id);
  usePageTitle(session?.title ?? t('sessions.pageTitle'));

  const present = (contactId: string) => record({ variables: { sessionId: id, contactIds: [contactId] } });

  async function addNew(event: FormEvent) {
    event.preventDefault();
    if (!firstName.trim()) return;
    const created = await create({ variables: { input: { firstName: firstName.trim(), lastName: lastName.trim() || null } } });
    if (created.data) await present(created.data.createContact.id);
    setFirstName('');
    setLastName('');
  }

  if (!day) return <p className="alert">{t('sessions.notFound')}</p>;
  const failure = error ?? recording.error ?? creating.error;
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
      {session ? (
        <>
          <p>
            {format.weekday(session.startsAt)}
            {session.location ? ` · ${session.location}` : ''}
            {session.cancelled ? ` · ${t('sessions.cancelled')}` : ''}
          </p>
          <h2>{t('sessions.present', { count: String(session.attendeeCount) })}</h2>
          <ul className="list" aria-live="polite">
            {session.attendees.map((a) => (
              <li key={a.id}>{contactName(a)}</li>
            ))}
          </ul>
          <ContactSearch label={t('sessions.find')} name="attendee" onPick={(c) => void present(c.id)} />
          <form onSubmit={addNew} className="panel">
            <h2>{t('sessions.newPerson')}</h2>
            <div className="field">
              <label htmlFor="attendee-first">{t('sessions.firstName')}</label>
              <input id="attendee-first" value={firstName} onChange={(e) => setFirstName(e.target.value)} required />
            </div>
            <div className="field">
              <label htmlFor="attendee-last">{t('sessions.lastName')}</label>
              <input id="attendee-last" value={lastName} onChange={(e) => setLastName(e.target.value)} />
            </div>
            <button type="submit" className="button" disabled={creating.loading || recording.loading}>
              {t('sessions.addPresent')}
            </button>
          </form>
        </>
      ) : null}
    </section>
  );
}
