import type { BriefFieldsFragment } from '../../../../gql/graphql';
import { useT } from '../../../../i18n';
import { label } from '../../../../i18n/labels';
import type { BriefSectionProps } from './sections';

type Demand = BriefFieldsFragment['negotiation']['campaign']['demands'][number];

/** The campaign's demands, ticked for this meeting. */
export function BriefDemands({ demands, draft, patch, errors: e }: BriefSectionProps & { demands: readonly Demand[] }) {
  const t = useT();
  return (
    <fieldset className="group">
      <legend>{t('brief.demands')}</legend>
      {demands.length ? (
        demands.map((demand, index) => (
          <label key={demand.id} className="check">
            <input
              type="checkbox"
              name="demandIds"
              value={demand.id}
              checked={draft.demandIds.includes(demand.id)}
              onChange={(ev) =>
                patch({
                  demandIds: ev.target.checked ? [...draft.demandIds, demand.id] : draft.demandIds.filter((d) => d !== demand.id),
                })
              }
            />
            <span>
              {demand.title}
              {demand.target ? <span className="muted"> → {demand.target.name}</span> : null}{' '}
              <span className="muted">({label(t, 'demandStatus', demand.status)})</span>
              {e[`demandIds.${index}`] ? <span className="field-error"> {e[`demandIds.${index}`]}</span> : null}
            </span>
          </label>
        ))
      ) : (
        <p className="muted">{t('brief.noDemands')}</p>
      )}
      {e['demandIds'] ? <p className="field-error">{e['demandIds']}</p> : null}
    </fieldset>
  );
}
