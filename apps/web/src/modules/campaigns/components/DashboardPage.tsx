import { lazy, Suspense } from 'react';
import { useQuery } from '@apollo/client/react';
import { Link, useParams } from '../../../router';
import type { CampaignStage } from '@rapport/shared';
import { errorMessage } from '../../../apollo/errors';
import { useT } from '../../../i18n';
import { usePageTitle } from '../../shell/components/usePageTitle';
import { useTurfT } from '../../turf/messages';
import { CampaignDashboardQuery } from '../graphql/campaignDashboard';
import { CampaignWorkspaceQuery } from '../graphql/workspace';
import { ActionsSection } from './sections/ActionsSection';
import { CommitmentsSection } from './sections/CommitmentsSection';
import { DecisionMakersSection } from './sections/DecisionMakersSection';
import { DemandsSection } from './sections/DemandsSection';
import { ListeningSection } from './sections/ListeningSection';
import { NegotiationsSection } from './sections/NegotiationsSection';
import { StageSection } from './sections/StageSection';
import { WinsSection } from './sections/WinsSection';
import { QueryStatus } from '../../shell/components/QueryStatus';
import { EvidenceSummary } from '../../casework/components/EvidenceSummary';

// Its own chunk: the turf's words and documents stay out of the dashboard's first paint.
const BuildingsSection = lazy(() => import('./sections/BuildingsSection'));

/**
 * /campaigns/:id — where the campaign stands (stage, listening, demands, actions,
 * commitments, wins, negotiations) and, beside each block, what the team does next.
 * Only members reach this page (allies have their own portal).
 */
export function DashboardPage() {
  const t = useT();
  const tt = useTurfT();
  const { id = '' } = useParams();
  const { data, loading, error } = useQuery(CampaignDashboardQuery, {
    variables: { campaignId: id },
    fetchPolicy: 'cache-and-network',
  });
  const workspace = useQuery(CampaignWorkspaceQuery, { variables: { campaignId: id }, fetchPolicy: 'cache-and-network' });
  const progress = data?.campaignProgress;
  usePageTitle(progress?.campaign.name ?? t('dashboard.title'));

  if (!progress) {
    return (
      <section className="page">
        <h1>{t('dashboard.title')}</h1>
        <QueryStatus loading={loading} error={error} />
      </section>
    );
  }

  const { campaign } = progress;
  const lists = workspace.data?.campaign;
  const decisionMakers = workspace.data?.decisionMakers ?? [];

  return (
    <article className="page dashboard">
      <header className="page-header">
        <h1>{campaign.name}</h1>
        {campaign.goal ? <p className="muted">{campaign.goal}</p> : null}
        <p className="page-actions">
          <Link className="button button-primary" to={`/field?campaign=${encodeURIComponent(campaign.id)}`}>
            {t('dashboard.logDoors')}
          </Link>{' '}
          <Link className="button" to={`/campaigns/${encodeURIComponent(campaign.id)}/turf`}>
            {tt('dashboardLink')}
          </Link>
        </p>
        {workspace.error && !workspace.data ? (
          <p className="alert" role="alert">
            {errorMessage(workspace.error, t)}
          </p>
        ) : null}
      </header>

      {/* On a laptop, two columns: where the campaign stands on the left, what comes next on the right. */}
      <div className="dashboard-columns">
        <div className="dashboard-main">
          <StageSection
            campaignId={campaign.id}
            stage={progress.stage as CampaignStage}
            daysInStage={progress.daysInStage}
            history={campaign.stageHistory}
            startedAt={campaign.startedAt}
          />
          <ListeningSection campaignId={campaign.id} progress={progress} />
          <Suspense fallback={null}>
            <BuildingsSection campaignId={campaign.id} />
          </Suspense>
          <EvidenceSummary evidence={campaign.evidence} headingId="dash-evidence" titleKey="evidence.dashboardTitle" withQuotes={false} />
          <DemandsSection campaignId={campaign.id} counts={progress.demandsByStatus} demands={lists?.demands} decisionMakers={decisionMakers} />
          <DecisionMakersSection decisionMakers={workspace.data?.decisionMakers} />
          <NegotiationsSection campaignId={campaign.id} negotiations={lists?.negotiations} decisionMakers={decisionMakers} />
        </div>
        <div className="dashboard-side">
          <ActionsSection campaignId={campaign.id} upcoming={progress.upcomingActions} actions={lists?.actions} decisionMakers={decisionMakers} />
          <CommitmentsSection
            campaignId={campaign.id}
            contactCounts={progress.commitmentsByStatus}
            decisionMakerCounts={progress.decisionMakerCommitmentsByStatus}
            overdue={progress.overdueFollowUps}
            commitments={workspace.data?.commitments}
            decisionMakers={decisionMakers}
          />
          <WinsSection campaignId={campaign.id} wins={progress.wins} demands={lists?.demands} />
        </div>
      </div>
    </article>
  );
}
