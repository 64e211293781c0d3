import { useState } from 'react';
import { AllyRole } from '@rapport/shared';
import type { ContactInput } from '../../../gql/graphql';
import { useT } from '../../../i18n';
import { label } from '../../../i18n/labels';
import { CheckboxField, FormErrors, TextField } from '../../shell/components/fields';
import { splitList, useFormErrors } from '../../shell/useFormErrors';
import type { KnownPerson } from '../duplicates';
import { formatErrors, formatPhone } from '../formats';
import { DuplicateSuggestion } from './DuplicateSuggestion';

export interface ContactValues {
  firstName: string;
  lastName?: string | null;
  phone?: string | null;
  email?: string | null;
  street?: string | null;
  building?: string | null;
  postalCode?: string | null;
  city?: string | null;
  neighbourhood?: string | null;
  languages?: readonly string[];
  allyRoles?: readonly string[];
  isLeader?: boolean;
  tags?: readonly string[];
  consentGivenAt?: string | null;
}

const TEXT_KEYS = ['firstName', 'lastName', 'phone', 'email', 'street', 'building', 'postalCode', 'city', 'neighbourhood'] as const;
type TextKey = (typeof TEXT_KEYS)[number];
const known = (key: string) =>
  (TEXT_KEYS as readonly string[]).includes(key) || /^(languages|tags|allyRoles)(\.\d+)?$/.test(key) || key === 'isLeader' || key === 'consentGivenAt';

interface ContactFormProps {
  initial?: ContactValues;
  submitLabel: string;
  onSubmit: (input: ContactInput) => Promise<unknown>;
  onCancel?: () => void;
  /** A new person: suggest someone already known who matches, and open them instead. */
  onUseExisting?: (person: KnownPerson) => void;
}

/** Every field of ContactInput: identity, address, languages, hats (ally roles), tags, leader, consent. */
export function ContactForm({ initial, submitLabel, onSubmit, onCancel, onUseExisting }: ContactFormProps) {
  const t = useT();
  const [text, setText] = useState<Record<TextKey, string>>(
    () =>
      // The stored +33612345678 is shown as people write it: 06 12 34 56 78.
      Object.fromEntries(
        TEXT_KEYS.map((k) => [k, k === 'phone' ? formatPhone(initial?.phone) : ((initial?.[k] as string | null | undefined) ?? '')]),
      ) as Record<TextKey, string>,
  );
  const [languages, setLanguages] = useState((initial?.languages ?? []).join(', '));
  const [tags, setTags] = useState((initial?.tags ?? []).join(', '));
  const [allyRoles, setAllyRoles] = useState<string[]>([...(initial?.allyRoles ?? [])]);
  const [isLeader, setIsLeader] = useState(initial?.isLeader ?? false);
  const [consent, setConsent] = useState(Boolean(initial?.consentGivenAt));
  const { fields, errors, setErrors, submit, busy } = useFormErrors(known);
  const listError = (name: string) => Object.entries(fields).find(([key]) => key === name || key.startsWith(`${name}.`))?.[1];

  const field = (key: TextKey, extra: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField
      label={t(`contactForm.${key}`)}
      name={key}
      value={text[key]}
      onValue={(value) => setText((s) => ({ ...s, [key]: value }))}
      error={fields[key]}
      {...extra}
    />
  );

  return (
    <form
      className="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        // Formats first, all at once, before anything is sent (the API checks them again).
        const wrong = formatErrors(text, t);
        if (Object.keys(wrong).length) {
          setErrors({ fields: wrong, general: [] });
          const form = e.currentTarget;
          requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
          return;
        }
        const blank = (v: string) => v.trim() || null;
        void submit(() =>
          onSubmit({
            firstName: text.firstName,
            lastName: blank(text.lastName),
            phone: blank(text.phone),
            email: blank(text.email),
            street: blank(text.street),
            building: blank(text.building),
            postalCode: blank(text.postalCode),
            city: blank(text.city),
            neighbourhood: blank(text.neighbourhood),
            languages: splitList(languages),
            tags: splitList(tags),
            allyRoles: allyRoles as AllyRole[],
            isLeader,
            // Consent keeps the day it was first given; unticked, it is withdrawn.
            consentGivenAt: consent ? (initial?.consentGivenAt ?? new Date().toISOString()) : null,
          }),
        );
      }}
    >
      <FormErrors title={t('form.errorTitle')} errors={errors.general} />
      <div className="form-row">
        {field('firstName', { required: true, autoComplete: 'off' })}
        {field('lastName', { autoComplete: 'off' })}
      </div>
      <div className="form-row">
        {field('phone', { type: 'tel', inputMode: 'tel', autoComplete: 'off' })}
        {field('email', { type: 'email', autoComplete: 'off' })}
      </div>
      {field('street')}
      <div className="form-row">
        {field('building')}
        {field('postalCode', { inputMode: 'numeric' })}
        {field('city')}
      </div>
      {onUseExisting ? (
        <DuplicateSuggestion
          typed={{ firstName: text.firstName, lastName: text.lastName, phone: text.phone, email: text.email, building: text.building }}
          onUse={onUseExisting}
        />
      ) : null}
      {field('neighbourhood')}
      <TextField
        label={t('contactForm.languages')}
        name="languages"
        value={languages}
        onValue={setLanguages}
        error={listError('languages')}
        hint={t('contactForm.listHint')}
      />
      <TextField label={t('contactForm.tags')} name="tags" value={tags} onValue={setTags} error={listError('tags')} hint={t('contactForm.listHint')} />
      <fieldset className="group">
        <legend>{t('contactForm.allyRoles')}</legend>
        {Object.values(AllyRole).map((role) => (
          <label key={role} className="check">
            <input
              type="checkbox"
              name="allyRoles"
              value={role}
              checked={allyRoles.includes(role)}
              onChange={(ev) => setAllyRoles(ev.target.checked ? [...allyRoles, role] : allyRoles.filter((r) => r !== role))}
            />
            <span>{label(t, 'allyRole', role)}</span>
          </label>
        ))}
        {listError('allyRoles') ? <p className="field-error">{listError('allyRoles')}</p> : null}
      </fieldset>
      <CheckboxField label={t('contactForm.isLeader')} name="isLeader" checked={isLeader} onChecked={setIsLeader} error={fields['isLeader']} />
      <CheckboxField label={t('field.consent')} name="consent" checked={consent} onChecked={setConsent} error={fields['consentGivenAt']} />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
