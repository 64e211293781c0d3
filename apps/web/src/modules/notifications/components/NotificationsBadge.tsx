import { useQuery } from '@apollo/client/react';
import { useT } from '../../../i18n';
import { Badge } from '../../shell/components/Badge';
import { MyRemindersQuery } from '../graphql/myReminders';
import { unreadCount, useSeenAt } from '../seen';

const POLL_MS = 5 * 60_000;

/** Reminders sent since the member last opened the notifications. */
export function NotificationsBadge() {
  const t = useT();
  const seenAt = useSeenAt();
  const { data } = useQuery(MyRemindersQuery, { pollInterval: POLL_MS, errorPolicy: 'ignore' });
  const count = unreadCount(data?.myReminders ?? [], seenAt);
  return <Badge count={count} name="notifications" label={t('notifications.badge', { count })} />;
}
