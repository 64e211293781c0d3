import { useQuery } from '@apollo/client/react';
import { Link } from '../../../router';
import { errorMessage } from '../../../apollo/errors';
import { useT } from '../../../i18n';
import { useFormat } from '../../../i18n/format';
import { label } from '../../../i18n/labels';
import { usePageTitle } from '../../shell/components/usePageTitle';
import { SessionsQuery } from '../graphql/casework';

const DAY = 86_400_000;

/** /sessions — this week's and next week's permanences, workshops and meetings; a tap opens the attendance page. */
export function SessionsPage() {
  const t = useT();
  const format = useFormat();
  usePageTitle(t('sessions.pageTitle'));
  const today = new Date();
  today.setHours(0, 0, 0, 0);
  const from = new Date(today.getTime() - DAY).toISOString();
  const to = new Date(today.getTime() + 14 * DAY).toISOString();
  const { data, loading, error } = useQuery(SessionsQuery, { variables: { from, to }, fetchPolicy: 'cache-and-network' });
  return (
    <section className="page sessions-page">
      <h1>{t('sessions.pageTitle')}</h1>
      {loading && !data ? <p role="status">{t('common.loading')}</p> : null}
      {error ? (
        <p className="alert" role="alert">
          {errorMessage(error, t)}
        </p>
      ) : null}
      {data && data.sessions.length === 0 ? <p>{t('sessions.none')}</p> : null}
      <ul className="list">
        {data?.sessions.map((s) => (
          <li key={s.id}>
            <Link to={`/sessions/${s.id}`}>
              <strong>{s.title}</strong> — {format.weekday(s.startsAt)}
            </Link>{' '}
            <span>{label(t, 'sessionKind', s.kind)}</span>
            {s.location ? <span> · {s.location}</span> : null}
            {s.cancelled ? <strong> · {t('sessions.cancelled')}</strong> : <span> · {t('sessions.present', { count: String(s.attendeeCount) })}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
