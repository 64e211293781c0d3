import { useId } from 'react';
import { useT } from '../../../../i18n';
import { useFormat } from '../../../../i18n/format';

export interface WeekCount {
  weekStart: string;
  count: number;
}

const DAY = 86_400_000;

export interface WeekRange {
  /** The campaign's start: the chart begins with its week, even if nobody was met then. */
  from?: string | Date | null;
  /** Today, or the day a campaign was won or lost: the chart runs up to its week. */
  to?: string | Date | null;
}

/**
 * Every week of the campaign, from its start to `to` (or the last week with
 * conversations), empty weeks included: a bar chart with gaps removed would lie
 * about time, and a window would hide the first listening.
 */
export function weeklySeries(weeks: readonly WeekCount[], range: WeekRange = {}): WeekCount[] {
  if (!weeks.length) return [];
  // Weeks start on Monday at midnight in the organisation's time zone: index them by nearest UTC day.
  const dayIndex = (iso: string) => Math.round(Date.parse(iso) / DAY);
  const dayOf = (value: string | Date) => Math.floor(new Date(value).getTime() / DAY);
  const counts = new Map<number, WeekCount>();
  for (const week of weeks) counts.set(dayIndex(week.weekStart), week);
  const indexes = [...counts.keys()].sort((a, b) => a - b);
  let first = indexes[0]!;
  let last = indexes[indexes.length - 1]!;
  // A week starting on day d holds the days d to d + 6.
  if (range.from && !Number.isNaN(new Date(range.from).getTime())) while (first > dayOf(range.from)) first -= 7;
  if (range.to && !Number.isNaN(new Date(range.to).getTime())) while (last + 7 <= dayOf(range.to)) last += 7;
  const series: WeekCount[] = [];
  for (let day = first; day <= last; day += 7) {
    series.push(counts.get(day) ?? { weekStart: new Date(day * DAY).toISOString(), count: 0 });
  }
  return series;
}

const W = 360;
const H = 180;
const PAD = { top: 16, right: 8, bottom: 28, left: 30 };

/** Every visit per week (doors, one-to-ones, calls; talked or not): bars, hand-drawn in SVG, with the numbers in a table for screen readers and the curious. */
export function WeeklyChart({ weeks, from, to }: { weeks: readonly WeekCount[] } & WeekRange) {
  const t = useT();
  const format = useFormat();
  const id = useId();
  const series = weeklySeries(weeks, { from, to });
  if (!series.length) return <p className="muted">{t('dashboard.noConversations')}</p>;

  const total = weeks.reduce((sum, w) => sum + w.count, 0);
  const max = Math.max(1, ...series.map((w) => w.count));
  const busiest = series.reduce((a, b) => (b.count > a.count ? b : a));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / series.length;
  const barW = Math.max(1, slot * 0.8);
  const y = (count: number) => PAD.top + plotH - (count / max) * plotH;
  // Dates under the first, middle and last bars, when there is room for them.
  const ticks = series.length < 5 ? [...new Set([0, series.length - 1])] : [0, Math.floor((series.length - 1) / 2), series.length - 1];

  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="chart-svg">
        <title id={`${id}-title`}>{t('dashboard.perWeek')}</title>
        <desc id={`${id}-desc`}>
          {t('dashboard.perWeekDesc', {
            total: format.number(total),
            weeks: series.length,
            max: format.number(busiest.count),
            week: format.date(busiest.weekStart),
          })}
        </desc>
        <line x1={PAD.left} x2={W - PAD.right} y1={PAD.top + plotH} y2={PAD.top + plotH} className="chart-axis" />
        <text x={PAD.left - 6} y={PAD.top + 4} textAnchor="end" className="chart-label">
          {format.number(max)}
        </text>
        <text x={PAD.left - 6} y={PAD.top + plotH} textAnchor="end" className="chart-label">
          0
        </text>
        {series.map((week, index) => (
          <rect
            key={week.weekStart}
            x={PAD.left + index * slot + (slot - barW) / 2}
            y={y(week.count)}
            width={barW}
            height={Math.max(0, PAD.top + plotH - y(week.count))}
            className="chart-bar"
          >
            <title>{`${format.date(week.weekStart)} : ${format.number(week.count)}`}</title>
          </rect>
        ))}
        {ticks.map((index) => (
          <text
            key={index}
            x={PAD.left + index * slot + slot / 2}
            y={H - 8}
            textAnchor={index === 0 ? 'start' : index === series.length - 1 ? 'end' : 'middle'}
            className="chart-label"
          >
            {format.shortDate(series[index]!.weekStart)}
          </text>
        ))}
      </svg>
      <figcaption className="muted">{t('dashboard.perWeekCaption')}</figcaption>
      <details>
        <summary>{t('dashboard.showData')}</summary>
        <table className="table">
          <caption className="visually-hidden">{t('dashboard.perWeek')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dashboard.weekOf')}</th>
              <th scope="col" className="num">
                {t('dashboard.conversations')}
              </th>
            </tr>
          </thead>
          <tbody>
            {weeks.map((week) => (
              <tr key={week.weekStart}>
                <td>{format.date(week.weekStart)}</td>
                <td className="num">{format.number(week.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
