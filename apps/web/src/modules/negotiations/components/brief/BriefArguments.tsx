import { useT } from '../../../../i18n';
import { label } from '../../../../i18n/labels';
import { SelectField, TextAreaField } from '../../../shell/components/fields';
import { ARGUMENT_KINDS, rowKey } from '../../brief';
import type { BriefSectionProps } from './sections';

/** The arguments, one row each (kind and text); `onAdded` gets the new row's key, to focus it. */
export function BriefArguments({ draft, patch, errors: e, onAdded }: BriefSectionProps & { onAdded: (key: string) => void }) {
  const t = useT();
  return (
    <fieldset className="group">
      <legend>{t('brief.arguments')}</legend>
      {e['arguments'] ? <p className="field-error">{e['arguments']}</p> : null}
      {draft.arguments.map((argument, index) => (
        <div key={argument.key} className="row-editor" data-argument={index} data-row-key={argument.key}>
          <SelectField
            label={t('brief.argumentKind', { n: index + 1 })}
            name={`arguments.${index}.kind`}
            value={argument.kind}
            options={ARGUMENT_KINDS.map((kind) => ({ value: kind, label: label(t, 'argumentKind', kind) }))}
            onValue={(kind) => patch({ arguments: draft.arguments.map((a) => (a.key === argument.key ? { ...a, kind } : a)) })}
            error={e[`arguments.${index}.kind`]}
          />
          <TextAreaField
            label={t('brief.argumentText', { n: index + 1 })}
            name={`arguments.${index}.text`}
            rows={2}
            value={argument.text}
            onValue={(text) => patch({ arguments: draft.arguments.map((a) => (a.key === argument.key ? { ...a, text } : a)) })}
            error={e[`arguments.${index}.text`]}
          />
          <button
            type="button"
            className="button button-quiet-dark"
            onClick={() => patch({ arguments: draft.arguments.filter((a) => a.key !== argument.key) })}
          >
            {t('brief.removeArgument', { n: index + 1 })}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button button-secondary"
        onClick={() => {
          const key = rowKey();
          patch({ arguments: [...draft.arguments, { key, kind: ARGUMENT_KINDS[0]!, text: '' }] });
          onAdded(key);
        }}
      >
        {t('brief.addArgument')}
      </button>
    </fieldset>
  );
}
