import { useEffect, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { ReminderStatus } from '@rapport/shared';
import { errorMessage } from '../../../apollo/errors';
import { useT } from '../../../i18n';
import { useFormat } from '../../../i18n/format';
import { label } from '../../../i18n/labels';
import { usePageTitle } from '../../shell/components/usePageTitle';
import { MyRemindersQuery } from '../graphql/myReminders';
import { markNotificationsSeen, useSeenAt } from '../seen';

/** /notifications — the member's reminders: what is coming, and what was sent (new ones marked). */
export function NotificationsPage() {
  const t = useT();
  const format = useFormat();
  usePageTitle(t('notifications.title'));
  const seenAt = useSeenAt();
  // Read once on arrival: what was new stays marked during this visit.
  const [seenOnArrival] = useState(seenAt);
  const { data, loading, error } = useQuery(MyRemindersQuery, { fetchPolicy: 'cache-and-network' });

  useEffect(() => {
    if (data) markNotificationsSeen();
  }, [data]);

  const reminders = data?.myReminders ?? [];
  const upcoming = reminders
    .filter((r) => r.status === ReminderStatus.SCHEDULED)
    .sort((a, b) => a.remindAt.localeCompare(b.remindAt));
  const past = reminders
    .filter((r) => r.status !== ReminderStatus.SCHEDULED)
    .sort((a, b) => (b.sentAt ?? b.remindAt).localeCompare(a.sentAt ?? a.remindAt));
  const isNew = (r: (typeof reminders)[number]) =>
    r.status === ReminderStatus.SENT && (!seenOnArrival || Date.parse(r.sentAt ?? r.remindAt) > Date.parse(seenOnArrival));

  const list = (items: typeof reminders) => (
    <ul className="cards">
      {items.map((r) => (
        <li key={r.id} className="card-item" data-reminder={r.id}>
          <p className="card-title">
            {label(t, 'reminderKind', r.kind)} {isNew(r) ? <span className="tag">{t('notifications.new')}</span> : null}
          </p>
          <p className="muted">
            <time dateTime={r.sentAt ?? r.remindAt}>{format.dateTime(r.sentAt ?? r.remindAt)}</time> · {label(t, 'reminderStatus', r.status)}
          </p>
          <p>{t(`notifications.explain.${r.kind}`)}</p>
        </li>
      ))}
    </ul>
  );

  return (
    <section className="page">
      <h1>{t('notifications.title')}</h1>
      {error && !data ? (
        <p className="alert" role="alert">
          {errorMessage(error, t)}
        </p>
      ) : null}
      {loading && !data ? <p role="status">{t('common.loading')}</p> : null}
      {data && !reminders.length ? <p className="muted">{t('notifications.empty')}</p> : null}
      {upcoming.length ? (
        <section aria-labelledby="notif-upcoming">
          <h2 id="notif-upcoming">{t('notifications.upcoming')}</h2>
          {list(upcoming)}
        </section>
      ) : null}
      {past.length ? (
        <section aria-labelledby="notif-past">
          <h2 id="notif-past">{t('notifications.past')}</h2>
          {list(past)}
        </section>
      ) : null}
    </section>
  );
}
