import { errorMessage } from '../../../apollo/errors';
import { useT } from '../../../i18n';

/**
 * What a page shows while its query has no data: "loading…" (a status, read
 * out by screen readers) and the error in the member's language (an alert).
 * Pages pass `loading && !data` when cached data may be shown while refreshing.
 */
export function QueryStatus({ loading, error }: { loading?: boolean; error?: unknown }) {
  const t = useT();
  return (
    <>
      {loading ? <p role="status">{t('common.loading')}</p> : null}
      {error ? (
        <p className="alert" role="alert">
          {errorMessage(error, t)}
        </p>
      ) : null}
    </>
  );
}
