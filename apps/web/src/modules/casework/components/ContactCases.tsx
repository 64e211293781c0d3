import { useQuery } from '@apollo/client/react';
import { useLocale } from '../../../i18n';
import { useFormat } from '../../../i18n/format';
import { label } from '../../../i18n/labels';
import { formatCents } from '../../membership/money';
import { ContactCasesQuery } from '../graphql/casework';
import { useCaseworkT } from '../messages';
import { CaseFollowUp, OpenCaseForm } from './CaseForms';

const CLOSED = new Set(['RESOLVED', 'UNRESOLVED']);

/** One case as the lists show it: agency, status, dates, who follows it, the summary. */
export function CaseLine({
  c,
}: {
  c: {
    agency: string;
    status: string;
    openedAt: string;
    closedAt?: string | null;
    nextStepAt?: string | null;
    recoveredCents?: number | null;
    summary: string;
    issue?: { name: string } | null;
    owner?: { displayName: string } | null;
  };
}) {
  const t = useCaseworkT();
  const format = useFormat();
  const { locale } = useLocale();
  return (
    <>
      <strong>{c.agency}</strong> · <span className={`status status-${c.status.toLowerCase()}`}>{label(t, 'caseStatus', c.status)}</span> ·{' '}
      {format.date(c.openedAt)}
      {c.closedAt ? <span> · {t('cases.closedOn', { date: format.date(c.closedAt) })}</span> : null}
      {c.nextStepAt && !CLOSED.has(c.status) ? <span> · {t('cases.nextStep', { when: format.date(c.nextStepAt) })}</span> : null}
      {c.recoveredCents ? <span> · {t('cases.recoveredShown', { money: formatCents(c.recoveredCents, locale) })}</span> : null}
      {c.owner ? <span className="muted"> · {t('cases.by', { name: c.owner.displayName })}</span> : null}
      {c.issue ? <div className="muted">{c.issue.name}</div> : null}
      <div>{c.summary}</div>
    </>
  );
}

/** A person's cases on their page, newest first, with their steps; open one, follow it up. */
export function ContactCases({ contactId }: { contactId: string }) {
  const t = useCaseworkT();
  const format = useFormat();
  const { data } = useQuery(ContactCasesQuery, { variables: { id: contactId }, errorPolicy: 'all' });
  const cases = data?.contact?.cases ?? [];
  return (
    <section aria-labelledby="contact-cases" className="panel">
      <h2 id="contact-cases">{t('cases.title')}</h2>
      {cases.length === 0 ? <p>{t('cases.none')}</p> : null}
      <ul className="list">
        {cases.map((c) => (
          <li key={c.id} data-case={c.id}>
            <CaseLine c={c} />
            {c.steps.length > 0 ? (
              <ol aria-label={t('cases.steps')}>
                {c.steps.map((s) => (
                  <li key={s.id}>
                    {format.date(s.at)} — {s.note}
                  </li>
                ))}
              </ol>
            ) : null}
            {CLOSED.has(c.status) ? null : <CaseFollowUp c={c} />}
          </li>
        ))}
      </ul>
      <OpenCaseForm contactId={contactId} />
    </section>
  );
}
