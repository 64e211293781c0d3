import { useQuery } from '@apollo/client/react';
import { Disclosure } from '../../shell/components/Disclosure';
import { NewCampaignForm } from './NewCampaignForm';
import { Link } from '../../../router';
import { useT } from '../../../i18n';
import { useFormat } from '../../../i18n/format';
import { label } from '../../../i18n/labels';
import { usePageTitle } from '../../shell/components/usePageTitle';
import { CampaignsQuery } from '../graphql/campaigns';
import { stageSince } from '../stage';
import { QueryStatus } from '../../shell/components/QueryStatus';

/** Members' home: the organisation's campaigns with their stage. */
export function CampaignsPage() {
  const t = useT();
  const format = useFormat();
  usePageTitle(t('campaigns.title'));
  const { data, loading, error } = useQuery(CampaignsQuery, { fetchPolicy: 'cache-and-network' });
  const campaigns = data?.campaigns ?? [];

  return (
    <section className="page">
      <h1>{t('campaigns.title')}</h1>
      <Disclosure label={t('campaigns.new')} className="panel-actions">
        {(close) => <NewCampaignForm onCancel={close} />}
      </Disclosure>
      <QueryStatus loading={loading && !data} error={error && !data} />
      {data && !campaigns.length ? <p className="muted">{t('campaigns.empty')}</p> : null}
      <ul className="cards">
        {campaigns.map((campaign) => (
          <li key={campaign.id} className="card-item" data-campaign={campaign.id}>
            <h2 className="card-title">
              <Link to={`/campaigns/${campaign.id}`}>{campaign.name}</Link>
            </h2>
            <p>
              <span className={`stage-pill stage-${campaign.stage.toLowerCase()}`}>{label(t, 'stage', campaign.stage)}</span>{' '}
              <span className="muted" data-stage-since>
                {t('campaigns.since', { date: format.date(stageSince(campaign.stage, campaign.stageHistory, campaign.startedAt)) })}
              </span>
            </p>
            {campaign.goal ? <p className="muted">{campaign.goal}</p> : null}
            <p>
              <Link to={`/field?campaign=${encodeURIComponent(campaign.id)}`}>{t('campaigns.logDoors')}</Link>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
