import { useEffect, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link } from '../../../router';
import { ReminderStatus } from '@rapport/shared';
import type { MyRemindersQuery as RemindersData } from '../../../gql/graphql';
import { useT } from '../../../i18n';
import { useFormat } from '../../../i18n/format';
import { label } from '../../../i18n/labels';
import { ContactCardQuery } from '../../contacts/graphql/saveContact';
import { contactName } from '../../contacts/components/ContactSearch';
import { usePageTitle } from '../../shell/components/usePageTitle';
import { MyRemindersQuery } from '../graphql/myReminders';
import { CompleteReminderMutation, SnoozeReminderMutation } from '../graphql/reminderActions';
import { fieldErrors } from '../../../apollo/errors';
import { markNotificationsSeen, useSeenAt } from '../seen';
import { formatPhone } from '../../contacts/formats';
import { QueryStatus } from '../../shell/components/QueryStatus';

type Reminder = RemindersData['myReminders'][number];

// Sent and cancelled apart; what was marked done leaves the to-do groups.
const GROUPS: Array<{
  id: string;
  title: 'notifications.upcoming' | 'notifications.past' | 'notifications.done' | 'notifications.cancelled' | 'notifications.failed';
  has: (r: Reminder) => boolean;
}> = [
  { id: 'upcoming', title: 'notifications.upcoming', has: (r) => !r.doneAt && r.status === ReminderStatus.SCHEDULED },
  { id: 'past', title: 'notifications.past', has: (r) => !r.doneAt && r.status === ReminderStatus.SENT },
  { id: 'failed', title: 'notifications.failed', has: (r) => !r.doneAt && r.status === ReminderStatus.FAILED },
  { id: 'done', title: 'notifications.done', has: (r) => Boolean(r.doneAt) },
  { id: 'cancelled', title: 'notifications.cancelled', has: (r) => !r.doneAt && r.status === ReminderStatus.CANCELLED },
];

/** Snooze choices: a morning to come, at 9:00 on this device's clock. */
const SNOOZES = [
  { id: 'tomorrow', days: 1 },
  { id: 'inThreeDays', days: 3 },
  { id: 'nextWeek', days: 7 },
] as const;

export function snoozeUntil(days: number, now = new Date()): Date {
  const at = new Date(now);
  at.setDate(at.getDate() + days);
  at.setHours(9, 0, 0, 0);
  return at;
}

/** /notifications — the member's reminders: who and what, when; coming, sent, not sent, cancelled (new ones marked). */
export function NotificationsPage() {
  const t = useT();
  usePageTitle(t('notifications.title'));
  const seenAt = useSeenAt();
  // Read once on arrival: what was new stays marked during this visit.
  const [seenOnArrival] = useState(seenAt);
  const { data, loading, error } = useQuery(MyRemindersQuery, { fetchPolicy: 'cache-and-network' });

  useEffect(() => {
    if (data) markNotificationsSeen();
  }, [data]);

  const reminders = data?.myReminders ?? [];
  const isNew = (r: Reminder) => r.status === ReminderStatus.SENT && (!seenOnArrival || Date.parse(r.sentAt ?? r.remindAt) > Date.parse(seenOnArrival));

  return (
    <section className="page">
      <h1>{t('notifications.title')}</h1>
      <QueryStatus loading={loading && !data} error={error && !data} />
      {data && !reminders.length ? <p className="muted">{t('notifications.empty')}</p> : null}
      {GROUPS.map((group) => {
        const items = reminders
          .filter(group.has)
          .sort((a, b) =>
            group.id === 'upcoming'
              ? a.remindAt.localeCompare(b.remindAt)
              : (b.doneAt ?? b.sentAt ?? b.remindAt).localeCompare(a.doneAt ?? a.sentAt ?? a.remindAt),
          );
        if (!items.length) return null;
        return (
          <section key={group.id} aria-labelledby={`notif-${group.id}`} data-group={group.id}>
            <h2 id={`notif-${group.id}`}>{t(group.title)}</h2>
            <ul className="cards">
              {items.map((r) => (
                <ReminderItem key={r.id} reminder={r} isNew={isNew(r)} />
              ))}
            </ul>
          </section>
        );
      })}
    </section>
  );
}

const CONTACT_LINK = /^\/contacts\/([^/?#]+)$/;

function ReminderItem({ reminder: r, isNew }: { reminder: Reminder; isNew: boolean }) {
  const t = useT();
  const format = useFormat();
  const contactId = r.link ? CONTACT_LINK.exec(r.link)?.[1] : undefined;
  return (
    <li className="card-item" data-reminder={r.id}>
      <p className="card-title">
        {r.link ? <Link to={r.link}>{r.message}</Link> : r.message} {isNew ? <span className="tag">{t('notifications.new')}</span> : null}
      </p>
      {contactId ? <ReminderPerson id={contactId} /> : null}
      <p className="muted">
        {label(t, 'reminderKind', r.kind)} ·{' '}
        {t(r.status === ReminderStatus.SCHEDULED ? 'notifications.remindOn' : 'notifications.dated', {
          date: format.dateTime(r.sentAt ?? r.remindAt),
        })}{' '}
        · {r.doneAt ? t('notifications.doneOn', { date: format.dateTime(r.doneAt) }) : label(t, 'reminderStatus', r.status)}
      </p>
      <p className="hint">{t(`notifications.explain.${r.kind}`)}</p>
      {r.status !== ReminderStatus.CANCELLED || r.doneAt ? <ReminderActions reminder={r} /> : null}
    </li>
  );
}

/** "Done" and "snooze" from the list; a done reminder can still be brought back later. */
function ReminderActions({ reminder: r }: { reminder: Reminder }) {
  const t = useT();
  const [error, setError] = useState<string[]>([]);
  const [complete, completing] = useMutation(CompleteReminderMutation);
  const [snooze, snoozing] = useMutation(SnoozeReminderMutation);
  const busy = completing.loading || snoozing.loading;
  const run = async (work: () => Promise<unknown>) => {
    setError([]);
    try {
      await work();
    } catch (e) {
      const { fields, general } = fieldErrors(e, t);
      setError([...Object.values(fields), ...general]);
    }
  };
  return (
    <div className="button-row reminder-actions">
      {!r.doneAt ? (
        <button type="button" className="button button-secondary" disabled={busy} onClick={() => void run(() => complete({ variables: { id: r.id } }))}>
          {t('notifications.markDone')}
        </button>
      ) : null}
      <details className="snooze">
        <summary className="button button-secondary">{t(r.doneAt ? 'notifications.remindAgain' : 'notifications.snooze')}</summary>
        <ul className="list">
          {SNOOZES.map((choice) => (
            <li key={choice.id}>
              <button
                type="button"
                className="button button-quiet"
                disabled={busy}
                onClick={() => void run(() => snooze({ variables: { id: r.id, until: snoozeUntil(choice.days).toISOString() } }))}
              >
                {t(`notifications.snooze.${choice.id}`)}
              </button>
            </li>
          ))}
        </ul>
      </details>
      {error.length ? (
        <p role="alert" className="alert">
          {error.join(' ')}
        </p>
      ) : null}
    </div>
  );
}

/** The person a reminder is about: name linked to their page, and the phone to call. */
function ReminderPerson({ id }: { id: string }) {
  const t = useT();
  const { data } = useQuery(ContactCardQuery, { variables: { id }, errorPolicy: 'all' });
  const contact = data?.contact;
  if (!contact) return null;
  return (
    <p data-person={contact.id}>
      {t('notifications.call')} <Link to={`/contacts/${contact.id}`}>{contactName(contact)}</Link>
      {contact.phone ? (
        <>
          {' '}
          (<a href={`tel:${contact.phone}`}>{formatPhone(contact.phone)}</a>)
        </>
      ) : null}
    </p>
  );
}
