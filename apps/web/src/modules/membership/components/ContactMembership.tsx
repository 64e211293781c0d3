import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { PaymentMethod } from '@rapport/shared';
import { errorMessage } from '../../../apollo/errors';
import { useLocale, useT } from '../../../i18n';
import { useFormat } from '../../../i18n/format';
import { label } from '../../../i18n/labels';
import { ContactSearch, contactName, type PickedContact } from '../../contacts/components/ContactSearch';
import { FieldShell, SelectField } from '../../shell/components/fields';
import { useOnline } from '../../shell/useOnline';
import { ContactMembershipQuery, RecordDuesPaymentMutation } from '../graphql/membership';
import { formatCents, lastDay, parseEuros } from '../money';

const QUICK_CENTS = [0, 600, 1200, 2400];

/** On a contact's page: membership status and history, and the "record dues" form (organisers and leaders). */
export function ContactMembership({ contactId }: { contactId: string }) {
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
      <RecordDuesForm contactId={contact.id} suggestedCents={data.membershipSettings.suggestedDuesCents} currency={currency} />
    </section>
  );
}

/** Dues recorded at a stall, a drop-in or the door: amount (suggested pre-filled), method, who else it pays for. */
export function RecordDuesForm({ contactId, suggestedCents, currency }: { contactId: string; suggestedCents: number; currency: string }) {
  const t = useT();
  const { locale } = useLocale();
  const online = useOnline();
  const id = useId();
  const [amount, setAmount] = useState(String(suggestedCents / 100).replace('.', locale === 'fr' ? ',' : '.'));
  const [method, setMethod] = useState<PaymentMethod>(PaymentMethod.CASH);
  const [paysFor, setPaysFor] = useState<PickedContact[]>([]);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [done, setDone] = useState<{ id: string; receiptNumber: string } | null>(null);
  const [record, recording] = useMutation(RecordDuesPaymentMutation, { refetchQueries: ['ContactMembership'] });
  const money = (cents: number) => formatCents(cents, locale, currency);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const amountCents = parseEuros(amount);
    if (amountCents === null) {
      setFieldError(t('membership.amountInvalid'));
      return;
    }
    setFieldError(null);
    try {
      const result = await record({
        variables: { input: { clientId: crypto.randomUUID(), payerId: contactId, amountCents, method, paysFor: paysFor.map((p) => p.id) } },
      });
      const paid = result.data?.recordDuesPayment;
      if (paid) {
        setDone({ id: paid.id, receiptNumber: paid.receiptNumber });
        setPaysFor([]);
      }
    } catch {
      // shown below from `recording.error`
    }
  }

  return (
    <form className="form dues-form" aria-labelledby={`${id}-title`} onSubmit={(e) => void submit(e)}>
      <h3 id={`${id}-title`}>{t('membership.record')}</h3>
      {!online ? <p className="hint">{t('membership.onlineOnly')}</p> : null}
      <FieldShell label={t('membership.amount')} error={fieldError ?? undefined} hint={t('membership.amountHint', { amount: money(suggestedCents) })}>
        {({ inputId, describedBy }) => (
          <input id={inputId} name="amount" inputMode="decimal" autoComplete="off" value={amount} onChange={(e) => setAmount(e.target.value)} aria-describedby={describedBy} />
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
              <button type="button" className="button button-link" onClick={() => setPaysFor((list) => list.filter((x) => x.id !== p.id))} aria-label={t('membership.removePaysFor', { name: p.label })}>
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {recording.error ? (
        <p className="alert" role="alert">
          {errorMessage(recording.error, t)}
        </p>
      ) : null}
      {done ? (
        <p role="status" className="success">
          {t('membership.recorded', { number: done.receiptNumber })} <Link to={`/receipts/${done.id}`}>{t('membership.seeReceipt')}</Link>
        </p>
      ) : null}
      <button type="submit" className="button button-primary" disabled={recording.loading || !online}>
        {recording.loading ? t('field.saving') : t('membership.recordButton')}
      </button>
    </form>
  );
}
