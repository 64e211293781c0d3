import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useParams } from '../../../router';
import { ParticipationStatus } from '@rapport/shared';
import { errorMessage } from '../../../apollo/errors';
import { useT } from '../../../i18n';
import { useFormat } from '../../../i18n/format';
import { usePageTitle } from '../../shell/components/usePageTitle';
import { NewAttendeeMutation } from '../../casework/graphql/casework';
import { CheckInMutation, CloseAttendanceMutation, TurnoutQuery } from './documents';
import { useTurnoutT, type TurnoutKey } from './messages';

const name = (p: { firstName: string; lastName: string | null }) => [p.firstName, p.lastName].filter(Boolean).join(' ');
const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** /actions/:id/check-in — a phone page at the action: big names, search, tap to check in, a new person in two fields; the call list before. */
export function CheckInPage() {
  const tt = useTurnoutT();
  const t = useT();
  const format = useFormat();
  const { id = '' } = useParams();
  const { data, loading, error } = useQuery(TurnoutQuery, { variables: { id } });
  const refetchQueries = [TurnoutQuery];
  const [checkIn, checking] = useMutation(CheckInMutation, { refetchQueries });
  const [close, closing] = useMutation(CloseAttendanceMutation, { refetchQueries });
  const [create, creating] = useMutation(NewAttendeeMutation);
  const [search, setSearch] = useState('');
  const [firstName, setFirstName] = useState('');
  const [lastName, setLastName] = useState('');
  const [closed, setClosed] = useState(false);
  const action = data?.action;
  usePageTitle(action ? tt('title', { title: action.title }) : tt('loading'));

  async function addNew(event: FormEvent) {
    event.preventDefault();
    if (!firstName.trim()) return;
    const created = await create({ variables: { input: { firstName: firstName.trim(), lastName: lastName.trim() || null } } });
    if (created.data) await checkIn({ variables: { actionId: id, contactId: created.data.createContact.id } });
    setFirstName('');
    setLastName('');
  }

  const failure = error ?? checking.error ?? closing.error ?? creating.error;
  if (loading && !data) return <p role="status">{tt('loading')}</p>;
  if (!action)
    return (
      <section className="page">
        <p className="alert">{failure ? errorMessage(failure, t) : tt('notFound')}</p>
      </section>
    );
  const wanted = fold(search.trim());
  const people = action.participants.filter((p) => !wanted || fold(name(p.contact)).includes(wanted));
  return (
    <section className="page check-in-page">
      <p>
        <Link to={`/actions/${encodeURIComponent(action.id)}`}>{tt('back')}</Link>
      </p>
      <h1>{tt('title', { title: action.title })}</h1>
      <p aria-live="polite">
        {tt('counts', {
          attended: action.checkInCount,
          committed: action.committedCount,
          goal: action.turnoutGoal ? tt('goal', { goal: action.turnoutGoal }) : '',
        })}
      </p>
      {failure ? (
        <p className="alert" role="alert">
          {errorMessage(failure, t)}
        </p>
      ) : null}
      {action.cancelledAt ? <p className="alert">{tt('cancelled')}</p> : null}

      <div className="field">
        <label htmlFor="check-in-search">{tt('search')}</label>
        <input id="check-in-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} autoComplete="off" />
      </div>
      <ul className="list check-in-list">
        {people.map((p) => {
          const here = p.status === ParticipationStatus.ATTENDED;
          return (
            <li key={p.contact.id}>
              <button
                type="button"
                className={here ? 'button check-in-name check-in-here' : 'button check-in-name'}
                style={{ fontSize: '1.4rem', width: '100%', minHeight: '3rem', textAlign: 'left' }}
                aria-pressed={here}
                aria-label={tt('tap', { name: name(p.contact) })}
                disabled={!!action.cancelledAt || checking.loading}
                onClick={() => void checkIn({ variables: { actionId: action.id, contactId: p.contact.id } })}
              >
                {name(p.contact)}
                {here ? ` ✓ ${tt('here')}` : ''}
              </button>
            </li>
          );
        })}
      </ul>

      <form onSubmit={addNew} className="panel">
        <h2>{tt('newPerson')}</h2>
        <div className="field">
          <label htmlFor="check-in-first">{tt('firstName')}</label>
          <input id="check-in-first" value={firstName} onChange={(e) => setFirstName(e.target.value)} required />
        </div>
        <div className="field">
          <label htmlFor="check-in-last">{tt('lastName')}</label>
          <input id="check-in-last" value={lastName} onChange={(e) => setLastName(e.target.value)} />
        </div>
        <button type="submit" className="button button-primary" disabled={!!action.cancelledAt || creating.loading}>
          {tt('add')}
        </button>
      </form>

      <section className="panel" aria-labelledby="close-title">
        <h2 id="close-title">{tt('close')}</h2>
        <p className="muted">{tt('closeHint')}</p>
        <button
          type="button"
          className="button"
          disabled={!!action.cancelledAt || closing.loading}
          onClick={() => void close({ variables: { actionId: action.id } }).then(() => setClosed(true))}
        >
          {tt('close')}
        </button>
        {closed ? <p role="status">{tt('closed')}</p> : null}
      </section>

      <section className="panel" aria-labelledby="call-title">
        <h2 id="call-title">{tt('callList')}</h2>
        <p className="muted">{tt('callListHint')}</p>
        <ul className="list">
          {action.callList.map((entry) => (
            <li key={entry.contact.id}>
              <strong>{name(entry.contact)}</strong> · {tt(`status.${entry.status}` as TurnoutKey)} ·{' '}
              {entry.phone ? <a href={`tel:${entry.phone}`}>{entry.phone}</a> : tt('noPhone')} ·{' '}
              {entry.lastCallAt ? tt('calledAt', { when: format.weekday(entry.lastCallAt) }) : tt('neverCalled')}
              {entry.lastCallNote ? <p className="muted">{entry.lastCallNote}</p> : null}
            </li>
          ))}
        </ul>
      </section>
    </section>
  );
}
