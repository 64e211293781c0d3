import { useQuery } from '@apollo/client/react';
import { errorMessage } from '../../../apollo/errors';
import { useT } from '../../../i18n';
import { useFormat } from '../../../i18n/format';
import { label } from '../../../i18n/labels';
import { usePageTitle } from '../../shell/components/usePageTitle';
import { AllyPortalQuery } from '../graphql/allyPortal';

/** The calendar feed for calendar apps: webcal:// makes phones and desktops offer to subscribe. */
export function webcalUrl(url: string): string {
  return url.replace(/^https?:\/\//i, 'webcal://');
}

/** /allies — upcoming actions open to allies, wins to celebrate, where each campaign stands, the calendar. */
export function AlliesPage() {
  const t = useT();
  const format = useFormat();
  usePageTitle(t('allies.title'));
  const { data, loading, error } = useQuery(AllyPortalQuery, { fetchPolicy: 'cache-and-network', errorPolicy: 'all' });

  const actions = data?.upcomingActions ?? [];
  const wins = data?.winsToCelebrate ?? [];
  const campaigns = data?.campaigns ?? [];

  return (
    <section className="page allies">
      <h1>{t('allies.title')}</h1>
      <p className="muted">{t('allies.intro')}</p>
      {error && !data ? (
        <p className="alert" role="alert">
          {errorMessage(error, t)}
        </p>
      ) : null}
      {loading && !data ? <p role="status">{t('common.loading')}</p> : null}

      <section aria-labelledby="allies-actions" className="panel">
        <h2 id="allies-actions">{t('allies.actions')}</h2>
        {actions.length ? (
          <ul className="cards">
            {actions.map((action) => (
              <li key={action.id} className="card-item" data-action={action.id}>
                <p className="card-title">{action.title}</p>
                <p>
                  <time dateTime={action.startsAt}>{format.weekday(action.startsAt)}</time>
                  {action.location ? <> · {action.location}</> : null}
                </p>
                <p className="muted">
                  {label(t, 'actionKind', action.kind)} · {action.campaign.name} ·{' '}
                  {t('allies.committed', { count: format.number(action.committedCount) })}
                </p>
              </li>
            ))}
          </ul>
        ) : data ? (
          <p className="muted">{t('allies.noActions')}</p>
        ) : null}
        {data?.calendarFeedUrl ? (
          <p className="calendar">
            <a className="button button-primary" href={webcalUrl(data.calendarFeedUrl)} data-calendar>
              {t('allies.subscribe')}
            </a>{' '}
            <span className="hint">{t('allies.subscribeHint')}</span>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="allies-wins" className="panel">
        <h2 id="allies-wins">{t('allies.wins')}</h2>
        {wins.length ? (
          <ul className="wins">
            {wins.map((win) => (
              <li key={win.id} className="win win-pending" data-win={win.id}>
                <strong>{win.title}</strong>{' '}
                <span className="muted">
                  {win.campaign.name} · <time dateTime={win.wonAt}>{format.date(win.wonAt)}</time> · {label(t, 'winSize', win.size)}
                </span>
              </li>
            ))}
          </ul>
        ) : data ? (
          <p className="muted">{t('allies.noWins')}</p>
        ) : null}
      </section>

      <section aria-labelledby="allies-campaigns" className="panel">
        <h2 id="allies-campaigns">{t('allies.campaigns')}</h2>
        {campaigns.length ? (
          <ul className="list">
            {campaigns.map((campaign) => (
              <li key={campaign.id} data-campaign={campaign.id}>
                {campaign.name} — <span className={`stage-pill stage-${campaign.stage.toLowerCase()}`}>{label(t, 'stage', campaign.stage)}</span>
              </li>
            ))}
          </ul>
        ) : data ? (
          <p className="muted">{t('allies.noCampaigns')}</p>
        ) : null}
      </section>
    </section>
  );
}
