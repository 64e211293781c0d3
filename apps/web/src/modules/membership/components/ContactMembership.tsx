import { useId, useState, type FormEvent } from 'react';
import { useQuery } from '@apollo/client/react';
import { Link } from '../../../router';
import { PaymentMethod } from '@rapport/shared';
import { errorMessage } from '../../../apollo/errors';
import { useSession } from '../../auth/session';
import { newClientId } from '../../field/clientId';
import { refusalOf } from '../../field/components/refusal';
import { discardRejected, submitToOutbox, useOutbox } from '../../field/outbox/outbox';
import type { DuesEntry } from '../../field/outbox/store';
import { useLocale, useT } from '../../../i18n';
import { useFormat } from '../../../i18n/format';
import { label } from '../../../i18n/labels';
import { ContactSearch, contactName, type PickedContact } from '../../contacts/components/ContactSearch';
import { FieldShell, SelectField } from '../../shell/components/fields';
import { useOnline } from '../../shell/useOnline';
import { ContactMembershipQuery } from '../graphql/membership';
import { formatCents, lastDay, parseEuros } from '../money';

const QUICK_CENTS = [0, 600, 1200, 2400];

/** On a contact's page: membership status and history, and the "record dues" form (organisers and leaders). */
export function ContactMembership({ contactId, name }: { contactId: string; name: string }) {
  const t = useT();
  const format = useFormat();
  const { locale } = useLocale();
  const { data, error } = useQuery(ContactMembershipQuery, { variables: { id: contactId }, fetchPolicy: 'cache-and-network' });
  const contact = data?.contact;
  const currency = data?.membershipSettings.currency ?? 'EUR';
  const money = (cents: number) => formatCents(cents, locale, currency);
  if (error) {
    return (
      <p className="alert" role="alert">
        {errorMessage(error, t)}
      </p>
    );
  }
  if (!contact || !data) return null;
  return (
    <section aria-labelledby="contact-membership" className="panel">
      <h2 id="contact-membership">{t('membership.title')}</h2>
      <p>
        <span className={`tag membership-${contact.membershipStatus.toLowerCase()}`}>{label(t, 'membershipStatus', contact.membershipStatus)}</span>
        {contact.membershipEndsAt ? <> {t('membership.until', { date: format.date(lastDay(contact.membershipEndsAt)) })}</> : null}
      </p>
      {contact.memberships.length ? (
        <ul className="list">
          {contact.memberships.map((m) => (
            <li key={m.id}>
              <time dateTime={m.startsAt}>{format.date(m.startsAt)}</time> – <time dateTime={m.endsAt}>{format.date(lastDay(m.endsAt))}</time>
              {m.fromSolidarityFund ? <span className="muted"> · {t('membership.fromFund')}</span> : null}
              {m.fundedBy ? <span className="muted"> · {t('membership.paidBy', { name: contactName(m.fundedBy) })}</span> : null}
              {m.payment ? (
                <>
                  {' '}
                  · <Link to={`/receipts/${m.payment.id}`}>{t('membership.receipt', { number: m.payment.receiptNumber })}</Link>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('membership.none')}</p>
      )}
      {contact.duesPayments.length ? (
        <>
          <h3>{t('membership.payments')}</h3>
          <ul className="list">
            {contact.duesPayments.map((p) => (
              <li key={p.id}>
                <time dateTime={p.paidAt}>{format.date(p.paidAt)}</time> — {money(p.amountCents)} ({label(t, 'paymentMethod', p.method)}) ·{' '}
                <Link to={`/receipts/${p.id}`}>{t('membership.receipt', { number: p.receiptNumber })}</Link>
                {p.cancelledAt ? <span className="status status-cancelled"> {t('membership.cancelled')}</span> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <RecordDuesForm contactId={contact.id} name={name} suggestedCents={data.membershipSettings.suggestedDuesCents} currency={currency} />
    </section>
  );
}

/**
 * Dues recorded at a stall, a drop-in or the door: amount (suggested pre-filled), method,
 * who else it pays for. Through the phone's outbox, like the field form: without signal
 * the payment is kept and sent once when the network returns (the API dedupes on clientId).
 */
export function RecordDuesForm({ contactId, name, suggestedCents, currency }: { contactId: string; name: string; suggestedCents: number; currency: string }) {
  const t = useT();
  const { locale } = useLocale();
  const online = useOnline();
  const id = useId();
  const userId = useSession()?.user.id ?? '';
  const outbox = useOutbox(userId);
  const [amount, setAmount] = useState(String(suggestedCents / 100).replace('.', locale === 'fr' ? ',' : '.'));
  const [method, setMethod] = useState<PaymentMethod>(PaymentMethod.CASH);
  const [paysFor, setPaysFor] = useState<PickedContact[]>([]);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState<{ id: string; receiptNumber: string } | null>(null);
  const [status, setStatus] = useState<'queued' | 'sending' | null>(null);
  const [busy, setBusy] = useState(false);
  const money = (cents: number) => formatCents(cents, locale, currency);
  const waiting = outbox.pending.filter((e): e is DuesEntry => e.kind === 'dues' && e.input.payerId === contactId).length;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const amountCents = parseEuros(amount);
    if (amountCents === null) {
      setFieldError(t('membership.amountInvalid'));
      return;
    }
    setFieldError(null);
    setFormError(null);
    setDone(null);
    setStatus(null);
    setBusy(true);
    const clientId = newClientId();
    const now = new Date();
    try {
      const result = await submitToOutbox({
        kind: 'dues',
        clientId,
        userId,
        // paidAt: when the money changed hands at the stall, not when the network came back.
        input: { clientId, payerId: contactId, amountCents, method, paysFor: paysFor.map((p) => p.id), paidAt: now.toISOString() },
        payerName: name,
        paysForNames: paysFor.map((p) => p.label),
        currency,
        createdAt: now.toISOString(),
        attempts: 0,
      });
      if (result.status === 'rejected') {
        // Answered at once: said here, the form keeps what was typed.
        await discardRejected(clientId);
        const errors = refusalOf(result.entry, t);
        // The API counts in cents: the member typed euros, so the form's own words.
        if (errors.fields['amountCents']) setFieldError(t('membership.amountInvalid'));
        const others = [
          ...Object.entries(errors.fields)
            .filter(([key]) => key !== 'amountCents')
            .map(([, m]) => m),
          ...errors.general,
        ];
        setFormError(others.length ? others.join(' ') : null);
        return;
      }
      const paid = result.status === 'sent' ? (result.answer as { id: string; receiptNumber: string } | undefined) : undefined;
      if (paid) setDone({ id: paid.id, receiptNumber: paid.receiptNumber });
      else setStatus(result.status === 'waiting' && result.reason === 'offline' ? 'queued' : 'sending');
      setPaysFor([]);
    } catch (error) {
      // The phone refused to keep it (storage full…): nothing is lost from the form.
      setFormError(errorMessage(error, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form dues-form" aria-labelledby={`${id}-title`} onSubmit={(e) => void submit(e)}>
      <h3 id={`${id}-title`}>{t('membership.record')}</h3>
      {!online ? <p className="hint">{t('membership.offline')}</p> : null}
      <FieldShell label={t('membership.amount')} error={fieldError ?? undefined} hint={t('membership.amountHint', { amount: money(suggestedCents) })}>
        {({ inputId, describedBy, invalid }) => (
          <input
            id={inputId}
            name="amount"
            inputMode="decimal"
            autoComplete="off"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
        )}
      </FieldShell>
      <div className="button-row" role="group" aria-label={t('membership.quickAmounts')}>
        {QUICK_CENTS.map((cents) => (
          <button key={cents} type="button" className="button button-choice" onClick={() => setAmount(String(cents / 100))}>
            {money(cents)}
          </button>
        ))}
      </div>
      <SelectField
        label={t('membership.method')}
        name="method"
        value={method}
        options={Object.values(PaymentMethod).map((m) => ({ value: m, label: label(t, 'paymentMethod', m) }))}
        onValue={setMethod}
      />
      <ContactSearch
        label={t('membership.paysFor')}
        name="paysFor"
        hint={t('membership.paysForHint', { amount: money(suggestedCents) })}
        onPick={(c) => setPaysFor((list) => (list.some((x) => x.id === c.id) || c.id === contactId ? list : [...list, c]))}
      />
      {paysFor.length ? (
        <ul className="chips">
          {paysFor.map((p) => (
            <li key={p.id}>
              {p.label}{' '}
              <button
                type="button"
                className="button button-link"
                onClick={() => setPaysFor((list) => list.filter((x) => x.id !== p.id))}
                aria-label={t('membership.removePaysFor', { name: p.label })}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {formError ? (
        <p className="alert" role="alert">
          {formError}
        </p>
      ) : null}
      <p role="status" className={done ? 'success' : undefined} data-dues-status={done ? 'sent' : (status ?? '')}>
        {done ? (
          <>
            {t('membership.recorded', { number: done.receiptNumber })} <Link to={`/receipts/${done.id}`}>{t('membership.seeReceipt')}</Link>
          </>
        ) : status ? (
          t(status === 'queued' ? 'membership.queued' : 'membership.sending')
        ) : null}
      </p>
      {waiting ? (
        <p className="hint" data-dues-waiting={waiting}>
          {t('membership.waiting', { count: waiting })}
        </p>
      ) : null}
      <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy || undefined}>
        {busy ? t('field.saving') : t('membership.recordButton')}
      </button>
    </form>
  );
}
