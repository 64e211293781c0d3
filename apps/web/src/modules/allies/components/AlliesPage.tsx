import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { useT } from '../../../i18n';
import { useFormat } from '../../../i18n/format';
import { label } from '../../../i18n/labels';
import { usePageTitle } from '../../shell/components/usePageTitle';
import { WinSize } from '@rapport/shared';
import { AllyPortalQuery } from '../graphql/allyPortal';
import { QueryStatus } from '../../shell/components/QueryStatus';

/** The calendar feed for calendar apps: webcal:// makes phones and desktops offer to subscribe. */
export function webcalUrl(url: string): string {
  return url.replace(/^https?:\/\//i, 'webcal://');
}

/** The feed's web address (https in production): Android and web calendars do not open webcal://. */
export function httpsUrl(url: string): string {
  return url.replace(/^webcal:\/\//i, 'https://');
}

/** "Add to …" links of the web calendars, which subscribe to a feed by its address. */
export function calendarLinks(url: string, name: string): Array<{ id: string; href: string }> {
  const feed = httpsUrl(url);
  return [
    { id: 'google', href: `https://calendar.google.com/calendar/r?cid=${encodeURIComponent(webcalUrl(feed))}` },
    { id: 'outlook', href: `https://outlook.live.com/calendar/0/addfromweb?url=${encodeURIComponent(feed)}&name=${encodeURIComponent(name)}` },
    { id: 'office', href: `https://outlook.office.com/calendar/0/addfromweb?url=${encodeURIComponent(feed)}&name=${encodeURIComponent(name)}` },
  ];
}

/** The feed: subscribe (webcal://, Apple and desktop apps), add to a web calendar, or copy the https address. */
function CalendarFeed({ url }: { url: string }) {
  const t = useT();
  const [copied, setCopied] = useState<'' | 'ok' | 'failed'>('');
  const feed = httpsUrl(url);
  const names = { google: t('allies.addGoogle'), outlook: t('allies.addOutlook'), office: t('allies.addOffice') } as const;
  return (
    <div className="calendar" data-section="calendar">
      <p>
        <a className="button button-primary" href={webcalUrl(url)} data-calendar>
          {t('allies.subscribe')}
        </a>{' '}
        <span className="hint">{t('allies.subscribeHint')}</span>
      </p>
      <ul className="list calendar-links">
        {calendarLinks(url, t('allies.calendarName')).map((link) => (
          <li key={link.id}>
            <a href={link.href} target="_blank" rel="noopener noreferrer" data-calendar-link={link.id}>
              {names[link.id as keyof typeof names]}
            </a>
          </li>
        ))}
      </ul>
      <div className="field">
        <label htmlFor="calendar-feed-url">{t('allies.feedUrl')}</label>
        <div className="field-inline">
          <input id="calendar-feed-url" type="url" readOnly value={feed} onFocus={(e) => e.currentTarget.select()} aria-describedby="calendar-feed-hint" />
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              // No clipboard (an http page, an old browser): the address is there to select by hand.
              if (!navigator.clipboard) {
                setCopied('failed');
                return;
              }
              navigator.clipboard.writeText(feed).then(
                () => setCopied('ok'),
                () => setCopied('failed'),
              );
            }}
          >
            {t('allies.copy')}
          </button>
        </div>
        <p className="hint" id="calendar-feed-hint">
          {t('allies.feedHint')}
        </p>
        <p role="status" className="save-status">
          {copied === 'ok' ? t('allies.copied') : copied === 'failed' ? t('allies.copyFailed') : ''}
        </p>
      </div>
    </div>
  );
}

/** /allies — upcoming actions open to allies, wins to celebrate, where each campaign stands, the calendar. */
export function AlliesPage() {
  const t = useT();
  const format = useFormat();
  usePageTitle(t('allies.title'));
  const { data, loading, error } = useQuery(AllyPortalQuery, { fetchPolicy: 'cache-and-network', errorPolicy: 'all' });

  const actions = data?.upcomingActions ?? [];
  const wins = data?.winsToCelebrate ?? [];
  // Actions where as many came as the goal asked: counts only, never who came.
  const turnoutWins = data?.turnoutWins ?? [];
  const campaigns = data?.campaigns ?? [];
  // The big wins of every campaign, celebrated or not: what the alliance won, newest first.
  const majorWins = campaigns
    .flatMap((campaign) => campaign.wins.filter((win) => win.size === WinSize.MAJOR).map((win) => ({ ...win, campaign })))
    .sort((a, b) => Date.parse(b.wonAt) - Date.parse(a.wonAt));

  return (
    <section className="page allies">
      <h1>{t('allies.title')}</h1>
      <p className="muted">{t('allies.intro')}</p>
      <QueryStatus loading={loading && !data} error={error && !data} />

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
                  {label(t, 'actionKind', action.kind)} · {action.campaign.name} · {t('allies.committed', { count: format.number(action.committedCount) })}
                </p>
              </li>
            ))}
          </ul>
        ) : data ? (
          <p className="muted">{t('allies.noActions')}</p>
        ) : null}
        {data?.calendarFeedUrl ? <CalendarFeed url={data.calendarFeedUrl} /> : null}
      </section>

      <section aria-labelledby="allies-major-wins" className="panel" data-section="majorWins">
        <h2 id="allies-major-wins">{t('allies.majorWins')}</h2>
        {majorWins.length ? (
          <ul className="wins">
            {majorWins.map((win) => (
              <li key={win.id} className="win win-major" data-win={win.id}>
                <strong>{win.title}</strong>{' '}
                <span className="muted">
                  {win.campaign.name} · <time dateTime={win.wonAt}>{format.date(win.wonAt)}</time>
                </span>
              </li>
            ))}
          </ul>
        ) : data ? (
          <p className="muted">{t('allies.noMajorWins')}</p>
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

      {turnoutWins.length ? (
        <section aria-labelledby="allies-turnout-wins" className="panel" data-section="turnoutWins">
          <h2 id="allies-turnout-wins">{t('allies.turnoutWins')}</h2>
          <ul className="wins">
            {turnoutWins.map((action) => (
              <li key={action.id} className="win win-turnout" data-turnout-win={action.id}>
                <strong>{action.title}</strong>{' '}
                {t('allies.turnoutWin', { attended: format.number(action.attendedCount), goal: format.number(action.turnoutGoal ?? 0) })}{' '}
                <span className="muted">
                  {action.campaign.name} · <time dateTime={action.startsAt}>{format.date(action.startsAt)}</time>
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

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
