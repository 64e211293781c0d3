import { useId } from 'react';
import { useT } from '../../../../i18n';
import { useFormat } from '../../../../i18n/format';

export interface IssueTallyView {
  issue: { id: string; name: string };
  mentions: number;
  contacts: number;
  averageIntensity: number;
}

const W = 360;
const ROW = 48;
const MAX_LABEL = 46;

const shorten = (text: string) => (text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text);

/** The issues heard most: one bar per issue (mentions), its anger written beside it. */
export function IssuesChart({ issues }: { issues: readonly IssueTallyView[] }) {
  const t = useT();
  const format = useFormat();
  const id = useId();
  if (!issues.length) return <p className="muted">{t('dashboard.noIssues')}</p>;

  const max = Math.max(1, ...issues.map((i) => i.mentions));
  const H = issues.length * ROW + 4;
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="chart-svg">
        <title id={`${id}-title`}>{t('dashboard.topIssues')}</title>
        <desc id={`${id}-desc`}>
          {issues
            .map((i) =>
              t('dashboard.issueDesc', {
                name: i.issue.name,
                mentions: format.number(i.mentions),
                intensity: format.decimal(i.averageIntensity),
              }),
            )
            .join(' ; ')}
        </desc>
        {issues.map((tally, index) => {
          const top = index * ROW;
          const width = Math.max(2, (tally.mentions / max) * (W - 130));
          return (
            <g key={tally.issue.id}>
              <title>{tally.issue.name}</title>
              <text x={0} y={top + 16} className="chart-label chart-label-strong">
                {shorten(tally.issue.name)}
              </text>
              <rect x={0} y={top + 22} width={width} height={18} rx={3} className="chart-bar" />
              <text x={width + 8} y={top + 36} className="chart-label">
                {t('dashboard.issueValue', {
                  mentions: format.number(tally.mentions),
                  intensity: format.decimal(tally.averageIntensity),
                })}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
