import { useState } from 'react';
import { Link } from '../../../router';
import { useLocale, useT } from '../../../i18n';
import { useFormat } from '../../../i18n/format';
import { formatCents } from '../../membership/money';
import { useOnline } from '../../shell/useOnline';
import { describeDoor } from '../draft';
import { discardRejected, flushOutbox, type OutboxState } from '../outbox/outbox';
import type { DuesEntry, RejectedConversation, RejectedEntry } from '../outbox/store';
import { refusalOf } from './refusal';

interface OutboxPanelProps {
  outbox: OutboxState;
  onCorrect: (entry: RejectedConversation) => void;
}

/** "1 conversation en attente : elle partira…": one sentence, agreed with what waits (every kind is feminine in French but the mix). */
function waitingKey(conversations: number, dues: number) {
  if (dues === 0) return 'outbox.pending' as const;
  return conversations === 0 ? ('outbox.pendingDues' as const) : ('outbox.pendingMixed' as const);
}

/** What waits on this phone (conversations and dues), and what the API refused (to correct: nothing was recorded). */
export function OutboxPanel({ outbox, onCorrect }: OutboxPanelProps) {
  const t = useT();
  const online = useOnline();
  const [sending, setSending] = useState(false);
  const { pending, rejected } = outbox;
  const conversations = pending.filter((e) => e.kind === 'conversation').length;
  const dues = pending.filter((e): e is DuesEntry => e.kind === 'dues');

  async function sendNow() {
    setSending(true);
    try {
      await flushOutbox('manual');
    } finally {
      setSending(false);
    }
  }

  const rejectedDues = rejected.filter((e) => e.kind === 'dues').length;
  const rejectedTitle =
    rejectedDues === 0
      ? t('outbox.rejectedTitle', { count: rejected.length })
      : rejectedDues === rejected.length
        ? t('outbox.rejectedDuesTitle', { count: rejected.length })
        : t('outbox.rejectedAllTitle', { count: rejected.length });

  return (
    <>
      <div className="outbox" data-outbox-count={pending.length}>
        <p role="status">
          {pending.length ? (
            <>
              <strong>{t(waitingKey(conversations, dues.length), { count: pending.length })}</strong>
              {t(online ? 'outbox.sendingNow' : conversations && dues.length ? 'outbox.whenBackMixed' : 'outbox.whenBack', { count: pending.length })}
            </>
          ) : outbox.loaded ? (
            <span className="muted">{t('outbox.empty')}</span>
          ) : null}
        </p>
        {dues.length ? (
          <ul className="list outbox-dues">
            {dues.map((entry) => (
              <li key={entry.clientId}>
                <DuesLabel entry={entry} />
              </li>
            ))}
          </ul>
        ) : null}
        {pending.length ? (
          <button type="button" className="button button-secondary" onClick={sendNow} disabled={!online || sending} aria-busy={sending || undefined}>
            {sending ? t('outbox.sending') : t('outbox.sendNow')}
          </button>
        ) : null}
      </div>
      {rejected.length ? (
        <section className="rejected" aria-labelledby="rejected-title">
          <h2 id="rejected-title">{rejectedTitle}</h2>
          <ul>
            {rejected.map((entry) => (
              <RejectedItem key={entry.clientId} entry={entry} onCorrect={onCorrect} />
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

/** "Cotisation de Fatou Diallo : 12,00 € (et pour Awa Traoré)". */
function DuesLabel({ entry }: { entry: DuesEntry }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <>
      {t('outbox.duesEntry', { name: entry.payerName, amount: formatCents(entry.input.amountCents, locale, entry.currency) })}
      {entry.paysForNames.length ? <> {t('outbox.duesFor', { names: entry.paysForNames.join(', ') })}</> : null}
    </>
  );
}

function RejectedItem({ entry, onCorrect }: { entry: RejectedEntry; onCorrect: (entry: RejectedConversation) => void }) {
  const t = useT();
  const format = useFormat();
  const errors = refusalOf(entry, t);
  const reason = [...Object.values(errors.fields), ...errors.general].join(' ');
  const discard = () => {
    if (window.confirm(t(entry.kind === 'dues' ? 'outbox.discardDuesConfirm' : 'outbox.discardConfirm'))) void discardRejected(entry.clientId);
  };
  return (
    <li className="rejected-item">
      <p>
        <strong>{entry.kind === 'dues' ? <DuesLabel entry={entry} /> : describeDoor(entry.draft) || t('outbox.noAddress')}</strong>{' '}
        <span className="muted">({format.dateTime(entry.createdAt)})</span>
      </p>
      <p className="field-error">{reason}</p>
      <div className="button-row">
        {entry.kind === 'dues' ? (
          // A payment is corrected on the person's page: the form there records it again.
          <Link className="button button-primary" to={`/contacts/${entry.input.payerId}`}>
            {t('outbox.openContact')}
          </Link>
        ) : (
          <button type="button" className="button button-primary" onClick={() => onCorrect(entry)}>
            {t('outbox.correct')}
          </button>
        )}
        <button type="button" className="button button-secondary" onClick={discard}>
          {t('outbox.discard')}
        </button>
      </div>
    </li>
  );
}
