import { useT } from '../../../i18n';
import { usePageTitle } from '../../shell/components/usePageTitle';

/** Members' home. Empty for now: the dashboard comes with the campaigns feature. */
export function CampaignsPage() {
  const t = useT();
  usePageTitle(t('campaigns.title'));
  return (
    <section className="page">
      <h1>{t('campaigns.title')}</h1>
      <p className="muted">{t('campaigns.empty')}</p>
    </section>
  );
}
