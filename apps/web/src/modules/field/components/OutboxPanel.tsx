import { useState } from 'react';
import { useT } from '../../../i18n';
import { useFormat } from '../../../i18n/format';
import { useOnline } from '../../shell/useOnline';
import { describeDoor } from '../draft';
import { discardRejected, flushOutbox, type OutboxState } from '../outbox/outbox';
import type { RejectedEntry } from '../outbox/store';
import { refusalErrors } from '../../../apollo/errors';

interface OutboxPanelProps {
  outbox: OutboxState;
  onCorrect: (entry: RejectedEntry) => void;
}

/** What waits on this phone, and what the API refused (to correct: nothing was recorded). */
export function OutboxPanel({ outbox, onCorrect }: OutboxPanelProps) {
  const t = useT();
  const format = useFormat();
  const online = useOnline();
  const [sending, setSending] = useState(false);
  const { pending, rejected } = outbox;

  async function sendNow() {
    setSending(true);
    try {
      await flushOutbox();
    } finally {
      setSending(false);
    }
  }

  return (
    <>
      <div className="outbox" data-outbox-count={pending.length}>
        <p role="status">
          {pending.length ? (
            <>
              <strong>{t('outbox.pending', { count: pending.length })}</strong>{' '}
              {online ? t('outbox.pendingOnline') : t('outbox.pendingOffline')}
            </>
          ) : outbox.loaded ? (
            <span className="muted">{t('outbox.empty')}</span>
          ) : null}
        </p>
        {pending.length ? (
          <button type="button" className="button button-secondary" onClick={sendNow} disabled={!online || sending} aria-busy={sending || undefined}>
            {sending ? t('outbox.sending') : t('outbox.sendNow')}
          </button>
        ) : null}
      </div>
      {rejected.length ? (
        <section className="rejected" aria-labelledby="rejected-title">
          <h2 id="rejected-title">{t('outbox.rejectedTitle', { count: rejected.length })}</h2>
          <ul>
            {rejected.map((entry) => {
              const errors = refusalErrors(entry, t);
              const reason = [...Object.values(errors.fields), ...errors.general].join(' ');
              return (
                <li key={entry.clientId} className="rejected-item">
                  <p>
                    <strong>{describeDoor(entry.draft) || t('outbox.noAddress')}</strong>{' '}
                    <span className="muted">({format.dateTime(entry.createdAt)})</span>
                  </p>
                  <p className="field-error">{reason}</p>
                  <div className="button-row">
                    <button type="button" className="button button-primary" onClick={() => onCorrect(entry)}>
                      {t('outbox.correct')}
                    </button>
                    <button type="button" className="button button-secondary" onClick={() => {
                        if (window.confirm(t('outbox.discardConfirm'))) void discardRejected(entry.clientId);
                      }}>
                      {t('outbox.discard')}
                    </button>
                  </div>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
    </>
  );
}
