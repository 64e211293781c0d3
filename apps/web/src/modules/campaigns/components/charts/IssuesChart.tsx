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
const LINE = 16;
const BAR = 30;
const MAX_LINE = 44;

/** An issue's name on as many lines as it needs (never cut: the whole anger is the point). */
export function wrapLabel(text: string, max = MAX_LINE): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = '';
    }
    // A single word longer than a line is split, not cut.
    let rest = line ? `${line} ${word}` : word;
    while (rest.length > max) {
      lines.push(rest.slice(0, max));
      rest = rest.slice(max);
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

/** The issues heard most: one bar per issue (mentions), its anger written beside it. */
export function IssuesChart({ issues }: { issues: readonly IssueTallyView[] }) {
  const t = useT();
  const format = useFormat();
  const id = useId();
  if (!issues.length) return <p className="muted">{t('dashboard.noIssues')}</p>;

  const max = Math.max(1, ...issues.map((i) => i.mentions));
  const rows = issues.map((tally) => ({ tally, lines: wrapLabel(tally.issue.name) }));
  const tops: number[] = [];
  let H = 4;
  for (const row of rows) {
    tops.push(H - 4);
    H += row.lines.length * LINE + BAR;
  }
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
        {rows.map(({ tally, lines }, index) => {
          const top = tops[index]!;
          const barTop = top + lines.length * LINE + 6;
          const width = Math.max(2, (tally.mentions / max) * (W - 130));
          return (
            <g key={tally.issue.id}>
              <title>{tally.issue.name}</title>
              <text x={0} y={top + 16} className="chart-label chart-label-strong">
                {lines.map((line, i) => (
                  <tspan key={i} x={0} dy={i === 0 ? 0 : LINE}>
                    {line}
                  </tspan>
                ))}
              </text>
              <rect x={0} y={barTop} width={width} height={18} rx={3} className="chart-bar" />
              <text x={width + 8} y={barTop + 14} className="chart-label">
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
