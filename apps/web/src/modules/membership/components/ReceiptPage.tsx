import { useQuery } from '@apollo/client/react';
import { Link, useParams } from '../../../router';
import { eurosInWords } from '@rapport/shared';
import { useLocale, useT } from '../../../i18n';
import { useFormat } from '../../../i18n/format';
import { label } from '../../../i18n/labels';
import { contactName } from '../../contacts/components/ContactSearch';
import { usePageTitle } from '../../shell/components/usePageTitle';
import { ReceiptQuery } from '../graphql/membership';
import { formatCents, lastDay } from '../money';
import { QueryStatus } from '../../shell/components/QueryStatus';

/** /receipts/:paymentId — a printable receipt (A4 or phone): the amount in French words, the period, the method. */
export function ReceiptPage() {
  const t = useT();
  const format = useFormat();
  const { locale } = useLocale();
  const { paymentId = '' } = useParams();
  const { data, loading, error } = useQuery(ReceiptQuery, { variables: { id: paymentId } });
  const p = data?.duesPayment;
  usePageTitle(p ? t('receipt.title', { number: p.receiptNumber }) : t('receipt.heading'));
  if (!p || !data) {
    return (
      <section className="page">
        <h1>{t('receipt.heading')}</h1>
        <QueryStatus loading={loading} error={error} />
        {!loading && !error ? <p>{t('receipt.notFound')}</p> : null}
      </section>
    );
  }
  const address = [p.payer.street, p.payer.building, [p.payer.postalCode, p.payer.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return (
    <article className="page receipt">
      <p className="no-print">
        <Link to={`/contacts/${p.payer.id}`}>{t('receipt.back')}</Link>{' '}
        <button type="button" className="button button-primary" onClick={() => window.print()}>
          {t('receipt.print')}
        </button>
      </p>
      <header>
        <p className="receipt-org">{data.organization.name}</p>
        <h1>{t('receipt.heading')}</h1>
        <p>{t('receipt.number', { number: p.receiptNumber })}</p>
      </header>
      {p.cancelledAt ? (
        <p className="alert" role="alert">
          {t('receipt.cancelled', { date: format.date(p.cancelledAt) })}
        </p>
      ) : null}
      <dl className="details">
        <div>
          <dt>{t('receipt.payer')}</dt>
          <dd>
            {contactName(p.payer)}
            {address ? <br /> : null}
            {address}
          </dd>
        </div>
        <div>
          <dt>{t('receipt.amount')}</dt>
          <dd>
            <strong>{formatCents(p.amountCents, locale)}</strong> — <span lang="fr">{eurosInWords(p.amountCents)}</span>
          </dd>
        </div>
        <div>
          <dt>{t('receipt.date')}</dt>
          <dd>{format.date(p.paidAt)}</dd>
        </div>
        <div>
          <dt>{t('receipt.method')}</dt>
          <dd>
            {label(t, 'paymentMethod', p.method)}
            {p.reference ? ` (${p.reference})` : null}
          </dd>
        </div>
        {p.memberships.map((m) => (
          <div key={m.id}>
            <dt>{t('receipt.period', { name: contactName(m.contact) })}</dt>
            <dd>{t('receipt.from', { start: format.date(m.startsAt), end: format.date(lastDay(m.endsAt)) })}</dd>
          </div>
        ))}
        {p.toSolidarityFundCents > 0 ? (
          <div>
            <dt>{t('receipt.fund')}</dt>
            <dd>{formatCents(p.toSolidarityFundCents, locale)}</dd>
          </div>
        ) : null}
      </dl>
      <p className="receipt-thanks">{t('receipt.thanks')}</p>
    </article>
  );
}
