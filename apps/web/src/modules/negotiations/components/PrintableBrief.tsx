import type { BriefFieldsFragment } from '../../../gql/graphql';
import { useT } from '../../../i18n';
import { useFormat } from '../../../i18n/format';
import { label } from '../../../i18n/labels';
import { ARGUMENT_KINDS, type BriefDraft } from '../brief';
import { EvidenceSummary } from '../../casework/components/EvidenceSummary';

interface PrintableBriefProps {
  brief: BriefFieldsFragment;
  draft: BriefDraft;
}

/** The brief to take to the meeting: one A4 document (print CSS), from what is in the editor. */
export function PrintableBrief({ brief, draft }: PrintableBriefProps) {
  const t = useT();
  const format = useFormat();
  const { negotiation } = brief;
  const demands = negotiation.campaign.demands.filter((d) => draft.demandIds.includes(d.id));
  const paragraphs = (text: string) =>
    text
      .split(/\n+/)
      .filter(Boolean)
      .map((p, i) => <p key={i}>{p}</p>);
  const section = (title: string, text: string) =>
    text.trim() ? (
      <section className="brief-section">
        <h2>{title}</h2>
        {paragraphs(text)}
      </section>
    ) : null;

  return (
    <article className="printable-brief" aria-label={t('brief.printable')}>
      <header>
        <p className="brief-kicker">{negotiation.campaign.name}</p>
        <h1>{t('brief.printTitle')}</h1>
        <p>
          {format.dateTime(negotiation.scheduledAt)} — {negotiation.decisionMakers.map((d) => [d.name, d.institution].filter(Boolean).join(', ')).join(' ; ')}
        </p>
      </header>
      {section(t('brief.objective'), draft.objective)}
      {demands.length ? (
        <section className="brief-section">
          <h2>{t('brief.demands')}</h2>
          <ol>
            {demands.map((d) => (
              <li key={d.id}>{d.title}</li>
            ))}
          </ol>
        </section>
      ) : null}
      {section(t('brief.ourLeverage'), draft.ourLeverage)}
      {section(t('brief.theirInterests'), draft.theirInterests)}
      {draft.arguments.some((a) => a.text.trim()) ? (
        <section className="brief-section">
          <h2>{t('brief.arguments')}</h2>
          {ARGUMENT_KINDS.map((kind) => {
            const texts = draft.arguments.filter((a) => a.kind === kind && a.text.trim());
            return texts.length ? (
              <div key={kind} className="brief-arguments">
                <h3>{label(t, 'argumentKind', kind)}</h3>
                <ul>
                  {texts.map((a) => (
                    <li key={a.key}>{a.text}</li>
                  ))}
                </ul>
              </div>
            ) : null;
          })}
        </section>
      ) : null}
      {draft.roles.length ? (
        <section className="brief-section">
          <h2>{t('brief.roles')}</h2>
          <ul>
            {draft.roles.map((r) => (
              <li key={r.key}>
                <strong>{label(t, 'negotiationRole', r.role)}</strong> : {r.contactLabel}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {brief.testimonies.length ? (
        <section className="brief-section">
          <h2>{t('brief.testimonies')}</h2>
          <ul>
            {brief.testimonies.map((testimony, index) => (
              <li key={index}>
                {testimony.quote ? <q>{testimony.quote}</q> : null} <span className="muted">({testimony.issue.name})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <EvidenceSummary
        evidence={brief.evidence}
        headingId="print-evidence"
        titleKey="evidence.title"
        variant="print"
        className="brief-section brief-evidence"
      />
      {section(t('brief.fallback'), draft.fallback)}
      {section(t('brief.ifNoAgreement'), draft.ifNoAgreement)}
      {brief.decisionMakerHistory.length ? (
        <section className="brief-section">
          <h2>{t('brief.history')}</h2>
          <ul>
            {brief.decisionMakerHistory.map((c) => (
              <li key={c.id}>
                {c.decisionMaker ? <strong>{c.decisionMaker.name} : </strong> : null}
                {c.description} — {t('brief.due', { date: format.date(c.dueAt) })} — {label(t, 'commitmentStatus', c.status)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
