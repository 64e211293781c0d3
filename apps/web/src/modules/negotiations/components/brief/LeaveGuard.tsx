import { useEffect, useRef } from 'react';
import { useBlocker } from '../../../../router';
import { useT } from '../../../../i18n';

/**
 * Leaving with unsaved changes asks first: another page of the app shows this
 * dialog (focus on "stay"); closing the tab gets the browser's own question.
 */
export function LeaveGuard({ dirty }: { dirty: boolean }) {
  const t = useT();
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname);
  const stayRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (blocker.state === 'blocked') stayRef.current?.focus();
  }, [blocker.state]);
  useEffect(() => {
    if (!dirty) return undefined;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  if (blocker.state !== 'blocked') return null;
  return (
    <div className="confirm" role="alertdialog" aria-labelledby="leave-title" aria-describedby="leave-body">
      <p id="leave-title" className="alert-title">
        {t('brief.leaveTitle')}
      </p>
      <p id="leave-body">{t('brief.leaveBody')}</p>
      <div className="button-row">
        <button ref={stayRef} type="button" className="button button-primary" onClick={() => blocker.reset?.()}>
          {t('brief.stay')}
        </button>
        <button type="button" className="button button-danger" onClick={() => blocker.proceed?.()}>
          {t('brief.leave')}
        </button>
      </div>
    </div>
  );
}
