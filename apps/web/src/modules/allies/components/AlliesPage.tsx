import { useT } from '../../../i18n';
import { usePageTitle } from '../../shell/components/usePageTitle';

/** The ally view: upcoming actions and wins to celebrate (to come). */
export function AlliesPage() {
  const t = useT();
  usePageTitle(t('allies.title'));
  return (
    <section className="page">
      <h1>{t('allies.title')}</h1>
      <p className="muted">{t('allies.empty')}</p>
    </section>
  );
}
