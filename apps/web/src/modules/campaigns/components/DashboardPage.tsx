import { lazy, Suspense } from 'react';
import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { CommitmentStatus, DemandStatus, type CampaignStage } from '@rapport/shared';
import { errorMessage } from '../../../apollo/errors';
import { useT } from '../../../i18n';
import { useFormat } from '../../../i18n/format';
import { label } from '../../../i18n/labels';
import { usePageTitle } from '../../shell/components/usePageTitle';
import { CampaignDashboardQuery } from '../graphql/campaignDashboard';
import { ListeningReportQuery } from '../graphql/listeningReport';
import { StageStepper } from './StageStepper';

const WeeklyChart = lazy(() => import('./charts/charts').then((m) => ({ default: m.WeeklyChart })));
const IssuesChart = lazy(() => import('./charts/charts').then((m) => ({ default: m.IssuesChart })));

type Counts = ReadonlyArray<{ status: string; count: number }>;
const countOf = (counts: Counts, status: string) => counts.find((c) => c.status === status)?.count ?? 0;

/** /campaigns/:id — where the campaign stands: stage, listening, demands, actions, commitments, wins. */
export function DashboardPage() {
  const t = useT();
  const format = useFormat();
  const { id = '' } = useParams();
  const { data, loading, error } = useQuery(CampaignDashboardQuery, {
    variables: { campaignId: id },
    fetchPolicy: 'cache-and-network',
  });
  const report = useQuery(ListeningReportQuery, { variables: { campaignId: id }, fetchPolicy: 'cache-and-network' });
  const progress = data?.campaignProgress;
  usePageTitle(progress?.campaign.name ?? t('dashboard.title'));

  if (!progress) {
    return (
      <section className="page">
        <h1>{t('dashboard.title')}</h1>
        {loading ? <p role="status">{t('common.loading')}</p> : null}
        {error ? (
          <p className="alert" role="alert">
            {errorMessage(error, t)}
          </p>
        ) : null}
      </section>
    );
  }

  const { campaign } = progress;
  const figures: Array<[string, string, number]> = [
    ['doorsKnocked', t('dashboard.doorsKnocked'), progress.doorsKnocked],
    ['conversationsHeld', t('dashboard.conversationsHeld'), progress.conversationsHeld],
    ['oneToOnes', t('dashboard.oneToOnes'), progress.oneToOnes],
    ['contactsReached', t('dashboard.contactsReached'), progress.contactsReached],
    ['leadersIdentified', t('dashboard.leadersIdentified'), progress.leadersIdentified],
  ];
  const demands = Object.values(DemandStatus)
    .map((status) => ({ status, count: countOf(progress.demandsByStatus, status) }))
    .filter((d) => d.count > 0);
  const commitmentRows: Array<[string, string, Counts]> = [
    ['contacts', t('dashboard.commitmentsContacts'), progress.commitmentsByStatus],
    ['decisionMakers', t('dashboard.commitmentsDecisionMakers'), progress.decisionMakerCommitmentsByStatus],
  ];
  const toCelebrate = progress.wins.filter((w) => !w.celebrated);

  return (
    <article className="page dashboard">
      <header className="page-header">
        <h1>{campaign.name}</h1>
        {campaign.goal ? <p className="muted">{campaign.goal}</p> : null}
        <p className="page-actions">
          <Link className="button button-primary" to={`/field?campaign=${encodeURIComponent(campaign.id)}`}>
            {t('dashboard.logDoors')}
          </Link>
        </p>
      </header>

      <section aria-labelledby="dash-stage" className="panel">
        <h2 id="dash-stage">{t('dashboard.stage')}</h2>
        <StageStepper stage={progress.stage as CampaignStage} daysInStage={progress.daysInStage} history={campaign.stageHistory} />
      </section>

      <section aria-labelledby="dash-listening" className="panel">
        <h2 id="dash-listening">{t('dashboard.listening')}</h2>
        <dl className="figures">
          {figures.map(([key, name, value]) => (
            <div className="figure" key={key} data-figure={key}>
              <dt>{name}</dt>
              <dd>{format.number(value)}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="dash-weeks" className="panel">
        <h2 id="dash-weeks">{t('dashboard.perWeek')}</h2>
        <Suspense fallback={<p className="muted">{t('common.loading')}</p>}>
          <WeeklyChart weeks={progress.conversationsPerWeek} />
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
                  </tr>
                </thead>
                <tbody>
                  {report.data.listeningReport.map((tally) => (
                    <tr key={tally.issue.id}>
                      <th scope="row">{tally.issue.name}</th>
                      <td className="num">{format.number(tally.mentions)}</td>
                      <td className="num">{format.number(tally.contacts)}</td>
                      <td className="num">{format.decimal(tally.averageIntensity)}</td>
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

      <section aria-labelledby="dash-demands" className="panel">
        <h2 id="dash-demands">{t('dashboard.demands')}</h2>
        {demands.length ? (
          <dl className="figures figures-small">
            {demands.map((d) => (
              <div className="figure" key={d.status} data-figure={`demands-${d.status}`}>
                <dt>{label(t, 'demandStatus', d.status)}</dt>
                <dd>{format.number(d.count)}</dd>
              </div>
            ))}
          </dl>
        ) : (
          <p className="muted">{t('dashboard.noDemands')}</p>
        )}
      </section>

      <section aria-labelledby="dash-actions" className="panel">
        <h2 id="dash-actions">{t('dashboard.upcomingActions')}</h2>
        {progress.upcomingActions.length ? (
          <ul className="cards">
            {progress.upcomingActions.map((action) => (
              <li key={action.id} className="card-item">
                <p className="card-title">{action.title}</p>
                <p className="muted">
                  <time dateTime={action.startsAt}>{format.weekday(action.startsAt)}</time>
                  {action.location ? ` · ${action.location}` : ''} · {label(t, 'actionKind', action.kind)}
                </p>
                <p data-figure="turnout">
                  {action.turnoutGoal != null
                    ? t('dashboard.turnout', {
                        committed: format.number(action.committedCount),
                        goal: format.number(action.turnoutGoal),
                      })
                    : t('dashboard.committed', { committed: format.number(action.committedCount) })}
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('dashboard.noActions')}</p>
        )}
      </section>

      <section aria-labelledby="dash-commitments" className="panel">
        <h2 id="dash-commitments">{t('dashboard.commitments')}</h2>
        <table className="table">
          <thead>
            <tr>
              <td />
              <th scope="col" className="num">
                {label(t, 'commitmentStatus', CommitmentStatus.KEPT)}
              </th>
              <th scope="col" className="num">
                {label(t, 'commitmentStatus', CommitmentStatus.BROKEN)}
              </th>
              <th scope="col" className="num">
                {label(t, 'commitmentStatus', CommitmentStatus.OPEN)}
              </th>
            </tr>
          </thead>
          <tbody>
            {commitmentRows.map(([key, name, counts]) => (
              <tr key={key} data-row={key}>
                <th scope="row">{name}</th>
                <td className="num" data-status="KEPT">
                  {format.number(countOf(counts, CommitmentStatus.KEPT))}
                </td>
                <td className="num" data-status="BROKEN">
                  {format.number(countOf(counts, CommitmentStatus.BROKEN))}
                </td>
                <td className="num" data-status="OPEN">
                  {format.number(countOf(counts, CommitmentStatus.OPEN))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p data-figure="overdueFollowUps" className={progress.overdueFollowUps > 0 ? 'warning' : 'muted'}>
          {t('dashboard.overdue', { count: format.number(progress.overdueFollowUps) })}
        </p>
      </section>

      <section aria-labelledby="dash-wins" className="panel">
        <h2 id="dash-wins">{t('dashboard.wins')}</h2>
        {progress.wins.length ? (
          <>
            <p data-figure="toCelebrate">{t('dashboard.toCelebrate', { count: format.number(toCelebrate.length) })}</p>
            <ul className="wins">
              {progress.wins.map((win) => (
                <li key={win.id} className={win.celebrated ? 'win' : 'win win-pending'}>
                  <strong>{win.title}</strong>{' '}
                  <span className="muted">
                    <time dateTime={win.wonAt}>{format.date(win.wonAt)}</time> · {label(t, 'winSize', win.size)}
                  </span>
                  {win.celebrated ? null : <span className="tag">{t('dashboard.celebrate')}</span>}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="muted">{t('dashboard.noWins')}</p>
        )}
      </section>

      {campaign.negotiations.length ? (
        <section aria-labelledby="dash-negotiations" className="panel">
          <h2 id="dash-negotiations">{t('dashboard.negotiations')}</h2>
          <ul className="list">
            {campaign.negotiations.map((n) => (
              <li key={n.id}>
                <Link to={`/negotiations/${n.id}/brief`}>
                  {t('dashboard.briefFor', {
                    date: format.date(n.scheduledAt),
                    who: n.decisionMakers.map((d) => d.name).join(', '),
                  })}
                </Link>{' '}
                <span className="muted">({label(t, 'negotiationStatus', n.status)})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
