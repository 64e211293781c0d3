import { useState } from 'react';
import type { NegotiationRole } from '@rapport/shared';
import { useT } from '../../../../i18n';
import { label } from '../../../../i18n/labels';
import { ContactSearch } from '../../../contacts/components/ContactSearch';
import { SelectField } from '../../../shell/components/fields';
import { NEGOTIATION_ROLES, rowKey } from '../../brief';
import type { BriefSectionProps } from './sections';

/** Who does what at the meeting: a role per person, and a person found by search for a new role. */
export function BriefRoles({ draft, patch, errors: e, onAdded }: BriefSectionProps & { onAdded: (key: string) => void }) {
  const t = useT();
  const [newRole, setNewRole] = useState<NegotiationRole>(NEGOTIATION_ROLES[0]!);
  const roleOptions = NEGOTIATION_ROLES.map((role) => ({ value: role, label: label(t, 'negotiationRole', role) }));
  return (
    <fieldset className="group">
      <legend>{t('brief.roles')}</legend>
      {e['roles'] ? <p className="field-error">{e['roles']}</p> : null}
      {draft.roles.length ? (
        <ul className="list">
          {draft.roles.map((role, index) => (
            <li key={role.key} className="row-editor" data-role={index} data-row-key={role.key}>
              <SelectField
                label={t('brief.roleOf', { name: role.contactLabel })}
                name={`roles.${index}.role`}
                value={role.role}
                options={roleOptions}
                onValue={(value) => patch({ roles: draft.roles.map((r) => (r.key === role.key ? { ...r, role: value } : r)) })}
                error={e[`roles.${index}.role`] ?? e[`roles.${index}.contactId`]}
              />
              <button type="button" className="button button-quiet-dark" onClick={() => patch({ roles: draft.roles.filter((r) => r.key !== role.key) })}>
                {t('brief.removeRole', { name: role.contactLabel })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="add-role">
        <SelectField label={t('brief.newRole')} name="newRole" value={newRole} options={roleOptions} onValue={setNewRole} />
        <ContactSearch
          label={t('brief.roleContact')}
          name="roleContact"
          onPick={(contact) => {
            const key = rowKey();
            patch({ roles: [...draft.roles, { key, role: newRole, contactId: contact.id, contactLabel: contact.label }] });
            onAdded(key);
          }}
        />
      </div>
    </fieldset>
  );
}
