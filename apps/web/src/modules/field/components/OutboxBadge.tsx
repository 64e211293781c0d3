import { useT } from '../../../i18n';
import { useSession } from '../../auth/session';
import { Badge } from '../../shell/components/Badge';
import { useOutbox } from '../outbox/outbox';

/** How many conversations wait on this phone (and how many the API refused), on the Field link. */
export function OutboxBadge() {
  const t = useT();
  const session = useSession();
  const { pending, rejected } = useOutbox(session?.user.id);
  return (
    <>
      <Badge count={pending.length} name="outbox" label={t('outbox.badge', { count: pending.length })} />
      <Badge count={rejected.length} name="rejected" label={t('outbox.rejectedBadge', { count: rejected.length })} />
    </>
  );
}
