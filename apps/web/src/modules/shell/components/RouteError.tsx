import { useEffect } from 'react';
import { useRouteError } from '../../../router';
import { connectivity } from '../../../network/connectivity';
import { useOnline } from '../useOnline';
import { useT } from '../../../i18n';

/**
 * When a page cannot load: most often its code, offline, on a page this phone never
 * opened (the service worker keeps the app shell and /field only).
 */
export function RouteError() {
  const t = useT();
  const error = useRouteError();
  const online = useOnline();
  // The page's code could not be fetched: that too is a request Rapport did not answer.
  const codeNotLoaded = error instanceof TypeError && /dynamically imported module|module script|loading chunk/i.test(error.message);
  useEffect(() => {
    if (codeNotLoaded) connectivity.reportNoAnswer();
  }, [codeNotLoaded]);
  return (
    <section className="page" role="alert">
      <h1>{t('routeError.title')}</h1>
      <p>{online && !codeNotLoaded ? t('routeError.body') : t('routeError.offline')}</p>
      <p>
        <button type="button" className="button button-primary" onClick={() => window.location.reload()}>
          {t('routeError.reload')}
        </button>
      </p>
    </section>
  );
}
