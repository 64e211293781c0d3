import { CombinedGraphQLErrors } from '@apollo/client/errors';
import type { Translate } from '../i18n';

/** The message to show for a failed operation: the API's own words for GraphQL errors, ours for the rest. */
export function errorMessage(error: unknown, t: Translate): string {
  if (CombinedGraphQLErrors.is(error) && error.errors.length > 0) {
    return error.errors.map((e) => e.message).join('\n');
  }
  return t('error.network');
}
