import { useEffect, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { ReminderStatus } from '@rapport/shared';
import type { MyRemindersQuery as RemindersData } from '../../../gql/graphql';
import { useT } from '../../../i18n';
import { useFormat } from '../../../i18n/format';
import { label } from '../../../i18n/labels';
import { ContactCardQuery } from '../../contacts/graphql/saveContact';
import { contactName } from '../../contacts/components/ContactSearch';
import { usePageTitle } from '../../shell/components/usePageTitle';
import { MyRemindersQuery } from '../graphql/myReminders';
import { markNotificationsSeen, useSeenAt } from '../seen';
import { formatPhone } from '../../contacts/formats';
import { QueryStatus } from '../../shell/components/QueryStatus';

type Reminder = RemindersData['myReminders'][number];

// The API has no "done" or "snooze" for a reminder (schema: no such mutation); the
// list links to the subject's page, where the commitment is settled or moved.
const GROUPS: Array<{
  id: string;
  title: 'notifications.upcoming' | 'notifications.past' | 'notifications.cancelled' | 'notifications.failed';
  statuses: ReminderStatus[];
}> = [
  { id: 'upcoming', title: 'notifications.upcoming', statuses: [ReminderStatus.SCHEDULED] },
  { id: 'past', title: 'notifications.past', statuses: [ReminderStatus.SENT] },
  { id: 'failed', title: 'notifications.failed', statuses: [ReminderStatus.FAILED] },
  { id: 'cancelled', title: 'notifications.cancelled', statuses: [ReminderStatus.CANCELLED] },
];

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
          .filter((r) => group.statuses.includes(r.status as ReminderStatus))
          .sort((a, b) => (group.id === 'upcoming' ? a.remindAt.localeCompare(b.remindAt) : (b.sentAt ?? b.remindAt).localeCompare(a.sentAt ?? a.remindAt)));
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
        · {label(t, 'reminderStatus', r.status)}
      </p>
      <p className="hint">{t(`notifications.explain.${r.kind}`)}</p>
    </li>
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
