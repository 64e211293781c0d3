import { refusalErrors, type FieldErrors } from '../../../apollo/errors';
import type { Translate } from '../../../i18n';
import type { RejectedEntry } from '../outbox/store';

/**
 * What the member reads about an entry the API refused: BAD_USER_INPUT names the
 * field and its rule; NOT_FOUND and FORBIDDEN say plainly why it will never go as is.
 */
export function refusalOf(entry: Pick<RejectedEntry, 'code' | 'field' | 'message'>, t: Translate): FieldErrors {
  if (entry.code === 'NOT_FOUND') return { fields: {}, general: [t('outbox.notFound')] };
  if (entry.code === 'FORBIDDEN') return { fields: {}, general: [t('outbox.forbidden')] };
  return refusalErrors(entry, t);
}
