import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Link } from '../../../router';
import { AllyRole, Role } from '@rapport/shared';
import { useLocale, useT } from '../../../i18n';
import { useFormat } from '../../../i18n/format';
import { label } from '../../../i18n/labels';
import { useSession } from '../../auth/session';
import { contactName } from '../../contacts/components/ContactSearch';
import { downloadText } from '../download';
import { usePageTitle } from '../../shell/components/usePageTitle';
import { DuesPaymentsQuery, MembershipOverviewQuery } from '../graphql/membership';
import { formatCents, lastDay, toCsv } from '../money';
import { formatPhone } from '../../contacts/formats';
import { QueryStatus } from '../../shell/components/QueryStatus';

/** /membership — the year's figures for the assemblée générale, the solidarity fund, who to renew, the payments. */
export function MembershipPage() {
  const t = useT();
  const format = useFormat();
  const { locale } = useLocale();
  const session = useSession();
  const organiser = session?.user.role === Role.ORGANISER;
  const [year, setYear] = useState(new Date().getFullYear());
  usePageTitle(t('membership.pageTitle'));
  const { data, loading, error } = useQuery(MembershipOverviewQuery, { variables: { year }, fetchPolicy: 'cache-and-network' });
  const payments = useQuery(DuesPaymentsQuery, {
    variables: { from: new Date(year, 0, 1).toISOString(), to: new Date(year + 1, 0, 1).toISOString() },
    skip: !organiser,
    fetchPolicy: 'cache-and-network',
  });
  const money = (cents: number) => formatCents(cents, locale);
  const report = data?.membershipReport;

  function downloadCsv() {
    if (!report) return;
    const rows: Array<Array<string | number>> = [
      [t('membership.figure'), String(report.year)],
      [t('membership.members'), report.members],
      [t('membership.newMembers'), report.newMembers],
      [t('membership.renewed'), report.renewed],
      [t('membership.lapsed'), report.lapsed],
      [t('membership.payingWhatTheyCan'), report.payingWhatTheyCan],
      [t('membership.paidByAnother'), report.paidByAnother],
      [t('membership.duesCents'), report.duesCents],
      ...report.byAllyRole.map((r) => [label(t, 'allyRole', r.allyRole), r.members]),
    ];
    downloadText(`adhesions-${report.year}.csv`, toCsv(rows), 'text/csv');
  }

  const max = Math.max(1, ...(report?.byAllyRole.map((r) => r.members) ?? [1]));
  return (
    <section className="page membership-page">
      <h1>{t('membership.pageTitle')}</h1>
      <div className="button-row">
        <button type="button" className="button button-secondary" onClick={() => setYear((y) => y - 1)} aria-label={t('membership.previousYear')}>
          ← {year - 1}
        </button>
        <strong aria-live="polite">{year}</strong>
        <button type="button" className="button button-secondary" onClick={() => setYear((y) => y + 1)} aria-label={t('membership.nextYear')}>
          {year + 1} →
        </button>
      </div>
      <QueryStatus loading={loading && !data} error={error} />
      {report ? (
        <section aria-labelledby="membership-report" className="panel">
          <h2 id="membership-report">{t('membership.report', { year: report.year })}</h2>
          <dl className="figures">
            {(
              [
                ['members', report.members],
                ['newMembers', report.newMembers],
                ['renewed', report.renewed],
                ['lapsed', report.lapsed],
                ['payingWhatTheyCan', report.payingWhatTheyCan],
                ['paidByAnother', report.paidByAnother],
              ] as const
            ).map(([key, value]) => (
              <div key={key}>
                <dt>{t(`membership.${key}`)}</dt>
                <dd>{format.number(value)}</dd>
              </div>
            ))}
            <div>
              <dt>{t('membership.duesCents')}</dt>
              <dd>{money(report.duesCents)}</dd>
            </div>
          </dl>
          <h3 id="membership-by-hat">{t('membership.byAllyRole')}</h3>
          <table className="bars" aria-labelledby="membership-by-hat">
            <tbody>
              {report.byAllyRole.map((r) => (
                <tr key={r.allyRole}>
                  <th scope="row">{label(t, 'allyRole', r.allyRole as AllyRole)}</th>
                  <td>
                    <span className="bar" style={{ width: `${(r.members / max) * 100}%` }} aria-hidden="true" />
                    {format.number(r.members)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" className="button button-secondary" onClick={downloadCsv}>
            {t('membership.csv')}
          </button>
        </section>
      ) : null}
      {data ? (
        <section aria-labelledby="membership-fund" className="panel">
          <h2 id="membership-fund">{t('membership.fund')}</h2>
          <p className="big-number">{money(data.solidarityFund.balanceCents)}</p>
          <p className="muted">
            {t('membership.fundDetail', { contributed: money(data.solidarityFund.contributedCents), used: money(data.solidarityFund.usedCents) })}
          </p>
        </section>
      ) : null}
      {data ? (
        <section aria-labelledby="membership-renew" className="panel">
          <h2 id="membership-renew">{t('membership.toRenew', { count: data.membersToRenew.length })}</h2>
          <ul className="list">
            {data.membersToRenew.map((c) => (
              <li key={c.id}>
                <Link to={`/contacts/${c.id}`}>{contactName(c)}</Link> — {label(t, 'membershipStatus', c.membershipStatus)}
                {c.membershipEndsAt ? <>, {t('membership.until', { date: format.date(lastDay(c.membershipEndsAt)) })}</> : null}
                {c.phone ? (
                  <>
                    {' '}
                    · <a href={`tel:${c.phone}`}>{formatPhone(c.phone)}</a>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {organiser && payments.data ? (
        <section aria-labelledby="membership-payments" className="panel">
          <h2 id="membership-payments">{t('membership.paymentsOfYear', { year, count: payments.data.duesPayments.length })}</h2>
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('membership.receiptNumber')}</th>
                  <th scope="col">{t('membership.date')}</th>
                  <th scope="col">{t('membership.payer')}</th>
                  <th scope="col">{t('membership.amount')}</th>
                  <th scope="col">{t('membership.method')}</th>
                </tr>
              </thead>
              <tbody>
                {payments.data.duesPayments.map((p) => (
                  <tr key={p.id} className={p.cancelledAt ? 'cancelled' : undefined}>
                    <td>
                      <Link to={`/receipts/${p.id}`}>{p.receiptNumber}</Link>
                    </td>
                    <td>{format.date(p.paidAt)}</td>
                    <td>
                      <Link to={`/contacts/${p.payer.id}`}>{contactName(p.payer)}</Link>
                    </td>
                    <td>
                      {money(p.amountCents)}
                      {p.cancelledAt ? <span className="status status-cancelled"> {t('membership.cancelled')}</span> : null}
                    </td>
                    <td>{label(t, 'paymentMethod', p.method)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </section>
  );
}
