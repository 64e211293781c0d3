import { useId, useState } from 'react';
import { normalizeForMatch } from '@rapport/shared';
import { useT } from '../../../i18n';
import { ChoiceGroup, TextField } from '../../shell/components/fields';
import { DEFAULT_INTENSITY, type IssueDraft } from '../draft';

const INTENSITIES = [1, 2, 3, 4, 5] as const;

/** Same rule as the API: case, accents and spaces do not make a different issue. */
export const sameIssue = (a: string, b: string) => normalizeForMatch(a) === normalizeForMatch(b);

interface IssuesPickerProps {
  known: ReadonlyArray<{ id: string; name: string }>;
  value: readonly IssueDraft[];
  onChange: (issues: IssueDraft[]) => void;
  /** Errors by key ("issues.0.intensity"). */
  errors: Readonly<Record<string, string>>;
}

/** The angers heard at the door: picked from those already heard, or typed; each with how angry (1–5) and the person's words. */
export function IssuesPicker({ known, value, onChange, errors }: IssuesPickerProps) {
  const t = useT();
  const id = useId();
  const [typed, setTyped] = useState('');
  const picked = (name: string) => value.some((issue) => sameIssue(issue.name, name));

  function toggle(name: string, on: boolean) {
    if (on && !picked(name)) onChange([...value, { name, intensity: DEFAULT_INTENSITY, quote: '' }]);
    if (!on) onChange(value.filter((issue) => !sameIssue(issue.name, name)));
  }

  function addTyped() {
    const name = typed.trim().replace(/\s+/g, ' ');
    if (!name) return;
    const existing = known.find((issue) => sameIssue(issue.name, name));
    toggle(existing?.name ?? name, true);
    setTyped('');
  }

  function update(index: number, patch: Partial<IssueDraft>) {
    onChange(value.map((issue, i) => (i === index ? { ...issue, ...patch } : issue)));
  }

  return (
    <fieldset className="group issues">
      <legend>{t('field.issues')}</legend>
      {known.length ? (
        <div className="chips">
          {known.map((issue) => (
            <label key={issue.id} className="chip">
              <input type="checkbox" name="issue" value={issue.name} checked={picked(issue.name)} onChange={(e) => toggle(issue.name, e.target.checked)} />
              <span>{issue.name}</span>
            </label>
          ))}
        </div>
      ) : null}
      <div className="field-inline">
        <TextField
          label={t('field.otherIssue')}
          name="newIssue"
          value={typed}
          onValue={setTyped}
          enterKeyHint="done"
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              addTyped();
            }
          }}
          error={errors['issues']}
        />
        <button type="button" className="button button-secondary" onClick={addTyped}>
          {t('field.addIssue')}
        </button>
      </div>
      <p id={`${id}-added`} className="visually-hidden" aria-live="polite">
        {value.length ? t('field.issuesPicked', { count: value.length }) : ''}
      </p>
      {value.map((issue, index) => (
        <fieldset key={`${issue.name}-${index}`} className="issue-detail" data-issue={issue.name}>
          <legend>{issue.name}</legend>
          {errors[`issues.${index}.name`] ? <p className="field-error">{errors[`issues.${index}.name`]}</p> : null}
          <ChoiceGroup
            legend={t('field.intensity')}
            name={`intensity-${index}`}
            className="scale"
            options={INTENSITIES.map((n) => ({ value: n, label: String(n) }))}
            value={issue.intensity}
            onValue={(intensity) => update(index, { intensity })}
            error={errors[`issues.${index}.intensity`]}
          />
          <TextField
            label={t('field.quote')}
            name={`quote-${index}`}
            value={issue.quote}
            onValue={(quote) => update(index, { quote })}
            error={errors[`issues.${index}.quote`]}
          />
          <button type="button" className="button button-quiet-dark" onClick={() => toggle(issue.name, false)}>
            {t('field.removeIssue', { name: issue.name })}
          </button>
        </fieldset>
      ))}
    </fieldset>
  );
}
