import type { EvidenceFieldsFragment } from '../../../gql/graphql';
import { useLocale } from '../../../i18n';
import { useFormat } from '../../../i18n/format';
import { formatCents } from '../../membership/money';
import { useCaseworkT, type CaseworkKey } from '../messages';

interface EvidenceSummaryProps {
  evidence: EvidenceFieldsFragment;
  /** The heading's id (the section is labelled by it); unique on the page. */
  headingId: string;
  titleKey: CaseworkKey;
  /** `print`: the A4 brief (sentences, no figure tiles); `screen`: figures. */
  variant?: 'screen' | 'print';
  /** Whether to list the consented quotes (the dashboard leaves them to the listening report). */
  withQuotes?: boolean;
  className?: string;
}

/**
 * The cases of the permanences, counted: how many, for how many people, how they
 * ended, the median time to close, the money recovered, by agency, and what the
 * consenting people's cases say. Never a name: the API gives none.
 */
export function EvidenceSummary({ evidence, headingId, titleKey, variant = 'screen', withQuotes = true, className = 'panel' }: EvidenceSummaryProps) {
  const t = useCaseworkT();
  const format = useFormat();
  const { locale } = useLocale();
  const e = evidence;
  const median = e.medianDaysToClose == null ? t('evidence.noMedian') : t('evidence.days', { count: format.decimal(e.medianDaysToClose) });
  const money = formatCents(e.recoveredCents, locale);
  const figures: Array<[string, string, string]> = [
    ['cases', t('evidence.cases'), format.number(e.cases)],
    ['people', t('evidence.people'), format.number(e.people)],
    ['resolved', t('evidence.resolved'), format.number(e.resolved)],
    ['unresolved', t('evidence.unresolved'), format.number(e.unresolved)],
    ['open', t('evidence.open'), format.number(e.open)],
    ['medianDays', t('evidence.medianDays'), median],
    ['recovered', t('evidence.recovered'), money],
  ];
  return (
    // On paper it is one section among others (no landmark): the screen's is a labelled region.
    <section aria-labelledby={variant === 'screen' ? headingId : undefined} className={className} data-section="evidence">
      <h2 id={headingId}>{t(titleKey)}</h2>
      {e.cases === 0 ? (
        <p className="muted">{t('evidence.none')}</p>
      ) : (
        <>
          {variant === 'print' ? (
            <p>
              {t('evidence.sentence', {
                count: e.cases,
                cases: format.number(e.cases),
                people: format.number(e.people),
                resolved: format.number(e.resolved),
                unresolved: format.number(e.unresolved),
                open: format.number(e.open),
              })}{' '}
              {e.medianDaysToClose == null ? null : t('evidence.sentenceMedian', { days: format.decimal(e.medianDaysToClose) })}{' '}
              {e.recoveredCents > 0 ? t('evidence.sentenceRecovered', { money }) : null}
            </p>
          ) : (
            <dl className="figures">
              {figures.map(([key, name, value]) => (
                <div className="figure" key={key} data-figure={`evidence-${key}`}>
                  <dt>{name}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
          )}
          <div className="table-scroll" role="region" aria-label={t('evidence.byAgency')} tabIndex={0}>
            <table className="table">
              <caption>{t('evidence.byAgency')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('evidence.agency')}</th>
                  <th scope="col" className="num">
                    {t('evidence.cases')}
                  </th>
                  <th scope="col" className="num">
                    {t('evidence.resolved')}
                  </th>
                  <th scope="col" className="num">
                    {t('evidence.unresolved')}
                  </th>
                  <th scope="col" className="num">
                    {t('evidence.open')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {e.byAgency.map((a) => (
                  <tr key={a.agency}>
                    <th scope="row">{a.agency}</th>
                    <td className="num">{format.number(a.cases)}</td>
                    <td className="num">{format.number(a.resolved)}</td>
                    <td className="num">{format.number(a.unresolved)}</td>
                    <td className="num">{format.number(a.open)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {withQuotes && e.quotes.length > 0 ? (
            <>
              <h3>{t('evidence.quotes')}</h3>
              <ul className="list evidence-quotes">
                {e.quotes.map((quote, index) => (
                  <li key={index}>
                    <q>{quote}</q>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <p className="hint">{t('evidence.hint')}</p>
        </>
      )}
    </section>
  );
}
