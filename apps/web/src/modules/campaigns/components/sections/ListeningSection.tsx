import { lazy, Suspense } from 'react';
import { useQuery } from '@apollo/client/react';
import { errorMessage } from '../../../../apollo/errors';
import type { CampaignDashboardQuery as DashboardData } from '../../../../gql/graphql';
import type { MessageKey } from '../../../../i18n';
import { CampaignStage } from '@rapport/shared';
import { stageSince } from '../../stage';
import { useFormat } from '../../../../i18n/format';
import { ListeningReportQuery } from '../../graphql/listeningReport';
import { useCaseworkT } from '../../../casework/messages';

const WeeklyChart = lazy(() => import('../charts/charts').then((m) => ({ default: m.WeeklyChart })));
const IssuesChart = lazy(() => import('../charts/charts').then((m) => ({ default: m.IssuesChart })));

type Progress = DashboardData['campaignProgress'];

/** A campaign still running is drawn up to this week; a won or lost one up to its end. */
function chartEnd(progress: Progress): string {
  const over = progress.stage === CampaignStage.WON || progress.stage === CampaignStage.LOST;
  return over ? stageSince(progress.stage, progress.campaign.stageHistory, progress.campaign.startedAt) : new Date().toISOString();
}

/**
 * The listening figures, the weekly chart, the top issues and the full listening report:
 * per issue, the conversations, the consented quotes, and beside them the cases of the
 * permanences on the same issue.
 */
export function ListeningSection({ campaignId, progress }: { campaignId: string; progress: Progress }) {
  const t = useCaseworkT();
  const format = useFormat();
  const report = useQuery(ListeningReportQuery, { variables: { campaignId }, fetchPolicy: 'cache-and-network' });
  const figures: Array<[string, string, number]> = [
    ['doorsKnocked', t('dashboard.doorsKnocked'), progress.doorsKnocked],
    ['conversationsHeld', t('dashboard.conversationsHeld'), progress.conversationsHeld],
    ['oneToOnes', t('dashboard.oneToOnes'), progress.oneToOnes],
    ['contactsReached', t('dashboard.contactsReached'), progress.contactsReached],
    ['leadersIdentified', t('dashboard.leadersIdentified'), progress.leadersIdentified],
  ];

  return (
    <>
      <section aria-labelledby="dash-listening" className="panel">
        <h2 id="dash-listening">{t('dashboard.listening')}</h2>
        <dl className="figures">
          {figures.map(([key, name, value]) => (
            <div className="figure" key={key} data-figure={key}>
              <dt>{name}</dt>
              <dd>{format.number(value)}</dd>
              <dd className="figure-hint" data-hint>
                {t(`dashboard.hint.${key}` as MessageKey)}
              </dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="dash-weeks" className="panel">
        <h2 id="dash-weeks">{t('dashboard.perWeek')}</h2>
        <Suspense fallback={<p className="muted">{t('common.loading')}</p>}>
          <WeeklyChart weeks={progress.conversationsPerWeek} from={progress.campaign.startedAt} to={chartEnd(progress)} />
        </Suspense>
      </section>

      <section aria-labelledby="dash-issues" className="panel">
        <h2 id="dash-issues">{t('dashboard.topIssues')}</h2>
        <Suspense fallback={<p className="muted">{t('common.loading')}</p>}>
          <IssuesChart issues={progress.topIssues} />
        </Suspense>
        <details className="report" data-section="listeningReport">
          <summary>{t('dashboard.listeningReport')}</summary>
          {report.data ? (
            <div className="table-scroll" role="region" aria-label={t('dashboard.listeningReport')} tabIndex={0}>
              <table className="table">
                <caption className="visually-hidden">{t('dashboard.listeningReport')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('dashboard.issue')}</th>
                    <th scope="col" className="num">
                      {t('dashboard.mentions')}
                    </th>
                    <th scope="col" className="num">
                      {t('dashboard.people')}
                    </th>
                    <th scope="col" className="num">
                      {t('dashboard.anger')}
                    </th>
                    <th scope="col" className="num">
                      {t('dashboard.cases')}
                    </th>
                    <th scope="col">{t('dashboard.quotes')}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.data.listeningReport.map((tally) => (
                    <tr key={tally.issue.id}>
                      <th scope="row">{tally.issue.name}</th>
                      <td className="num">{format.number(tally.mentions)}</td>
                      <td className="num">{format.number(tally.contacts)}</td>
                      <td className="num">{format.decimal(tally.averageIntensity)}</td>
                      <td className="num" data-cases={tally.cases.cases}>
                        {tally.cases.cases > 0
                          ? t('dashboard.casesOf', { cases: format.number(tally.cases.cases), resolved: format.number(tally.cases.resolved) })
                          : format.number(0)}
                      </td>
                      <td>
                        {tally.quotes.length > 0 ? (
                          <ul className="report-quotes">
                            {tally.quotes.map((quote, index) => (
                              <li key={index}>
                                <q>{quote}</q>
                              </li>
                            ))}
                          </ul>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : report.error ? (
            <p className="alert">{errorMessage(report.error, t)}</p>
          ) : (
            <p className="muted">{t('common.loading')}</p>
          )}
        </details>
      </section>
    </>
  );
}
