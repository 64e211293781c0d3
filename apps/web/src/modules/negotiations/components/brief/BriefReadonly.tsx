import type { BriefFieldsFragment } from '../../../../gql/graphql';
import { useT } from '../../../../i18n';
import { useFormat } from '../../../../i18n/format';
import { label } from '../../../../i18n/labels';

/** What the listening gathered (read-only): the quotes behind the demands. */
export function BriefTestimonies({ testimonies }: { testimonies: BriefFieldsFragment['testimonies'] }) {
  const t = useT();
  return (
    <section className="group readonly" aria-labelledby="brief-testimonies">
      <h2 id="brief-testimonies">{t('brief.testimonies')}</h2>
      <p className="hint">{t('brief.testimoniesHint')}</p>
      {testimonies.length ? (
        <ul className="list">
          {testimonies.map((testimony, index) => (
            <li key={index}>
              {testimony.quote ? <q>{testimony.quote}</q> : null}{' '}
              <span className="muted">
                ({testimony.issue.name}, {t('contact.anger', { level: testimony.intensity })})
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('brief.noTestimonies')}</p>
      )}
    </section>
  );
}

/** The decision-makers' past promises and whether they kept them (read-only). */
export function BriefHistory({ history }: { history: BriefFieldsFragment['decisionMakerHistory'] }) {
  const t = useT();
  const format = useFormat();
  return (
    <section className="group readonly" aria-labelledby="brief-history">
      <h2 id="brief-history">{t('brief.history')}</h2>
      {history.length ? (
        <ul className="list" data-section="decisionMakerHistory">
          {history.map((c) => (
            <li key={c.id}>
              {c.decisionMaker ? <strong>{c.decisionMaker.name} : </strong> : null}
              {c.description} — {t('brief.due', { date: format.date(c.dueAt) })}{' '}
              <span className={`status status-${c.status.toLowerCase()}`}>{label(t, 'commitmentStatus', c.status)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('brief.noHistory')}</p>
      )}
    </section>
  );
}
