import { useEffect, useRef, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useBlocker, useParams } from 'react-router';
import type { NegotiationRole } from '@rapport/shared';
import { errorMessage, fieldErrors, NO_ERRORS, placeErrors, type FieldErrors } from '../../../apollo/errors';
import type { BriefFieldsFragment } from '../../../gql/graphql';
import { useT } from '../../../i18n';
import { useFormat } from '../../../i18n/format';
import { label } from '../../../i18n/labels';
import { ContactSearch } from '../../contacts/components/ContactSearch';
import { FormErrors, SelectField, TextAreaField } from '../../shell/components/fields';
import { usePageTitle } from '../../shell/components/usePageTitle';
import { ARGUMENT_KINDS, briefInput, draftFromBrief, NEGOTIATION_ROLES, rowKey, sameBrief, type BriefDraft } from '../brief';
import { NegotiationBriefQuery } from '../graphql/negotiationBrief';
import { UpdateBriefMutation } from '../graphql/updateBrief';
import { PrintableBrief } from './PrintableBrief';

const TEXT_FIELDS = ['objective', 'ourLeverage', 'theirInterests', 'fallback', 'ifNoAgreement'] as const;
const isBriefField = (key: string) =>
  (TEXT_FIELDS as readonly string[]).includes(key) ||
  /^demandIds(\.\d+)?$/.test(key) ||
  /^arguments(\.\d+\.(kind|text))?$/.test(key) ||
  /^roles(\.\d+\.(role|contactId))?$/.test(key);

/** /negotiations/:id/brief — the team prepares the meeting together, then prints the brief (A4). */
export function BriefPage() {
  const t = useT();
  const { id = '' } = useParams();
  const { data, loading, error } = useQuery(NegotiationBriefQuery, { variables: { negotiationId: id }, fetchPolicy: 'cache-and-network' });
  const brief = data?.negotiationBrief;
  usePageTitle(t('brief.title'));

  if (!brief) {
    return (
      <section className="page">
        <h1>{t('brief.title')}</h1>
        {loading ? <p role="status">{t('common.loading')}</p> : null}
        {error ? (
          <p className="alert" role="alert">
            {errorMessage(error, t)}
          </p>
        ) : null}
      </section>
    );
  }
  return <BriefEditor key={brief.negotiation.id} brief={brief} />;
}

function BriefEditor({ brief }: { brief: BriefFieldsFragment }) {
  const t = useT();
  const format = useFormat();
  const [saved, setSaved] = useState<BriefDraft>(() => draftFromBrief(brief));
  const [draft, setDraft] = useState<BriefDraft>(saved);
  const [errors, setErrors] = useState<FieldErrors>(NO_ERRORS);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [newRole, setNewRole] = useState<NegotiationRole>(NEGOTIATION_ROLES[0]!);
  const [update, { loading: saving }] = useMutation(UpdateBriefMutation);
  const dirty = !sameBrief(draft, saved);
  // The row just added gets the focus (its first field), so typing can go on at once.
  const [focusRow, setFocusRow] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (!focusRow) return;
    const row = formRef.current?.querySelector(`[data-row-key="${focusRow}"]`);
    (row?.querySelector<HTMLElement>('textarea') ?? row?.querySelector<HTMLElement>('select'))?.focus();
    setFocusRow(null);
  }, [focusRow]);
  // Leaving for another page of the app with unsaved changes asks first.
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname);
  const stayRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (blocker.state === 'blocked') stayRef.current?.focus();
  }, [blocker.state]);
  const { negotiation } = brief;
  const e = errors.fields;
  const roleOptions = NEGOTIATION_ROLES.map((role) => ({ value: role, label: label(t, 'negotiationRole', role) }));

  // Leaving with unsaved changes asks first (a closed tab would lose them).
  useEffect(() => {
    if (!dirty) return undefined;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const patch = (change: Partial<BriefDraft>) => setDraft((d) => ({ ...d, ...change }));

  async function save() {
    setErrors(NO_ERRORS);
    try {
      const result = await update({ variables: { negotiationId: negotiation.id, input: briefInput(draft) } });
      if (result.data) {
        const next = draftFromBrief(result.data.updateBrief);
        setSaved(next);
        setDraft(next);
        setSavedAt(new Date());
      }
    } catch (err) {
      // Everything typed stays in the editor; the errors sit next to their fields.
      setErrors(placeErrors(fieldErrors(err, t), isBriefField));
    }
  }

  return (
    <>
      <article className="page brief-editor no-print">
        <p>
          <Link to={`/campaigns/${negotiation.campaign.id}`}>{negotiation.campaign.name}</Link>
        </p>
        <h1>{t('brief.title')}</h1>
        <p className="muted">
          {t('brief.meeting', {
            date: format.dateTime(negotiation.scheduledAt),
            who: negotiation.decisionMakers.map((d) => d.name).join(', '),
          })}{' '}
          ({label(t, 'negotiationStatus', negotiation.status)})
        </p>

        {blocker.state === 'blocked' ? (
          <div className="confirm" role="alertdialog" aria-labelledby="leave-title" aria-describedby="leave-body">
            <p id="leave-title" className="alert-title">
              {t('brief.leaveTitle')}
            </p>
            <p id="leave-body">{t('brief.leaveBody')}</p>
            <div className="button-row">
              <button ref={stayRef} type="button" className="button button-primary" onClick={() => blocker.reset?.()}>
                {t('brief.stay')}
              </button>
              <button type="button" className="button button-danger" onClick={() => blocker.proceed?.()}>
                {t('brief.leave')}
              </button>
            </div>
          </div>
        ) : null}
        <form
          ref={formRef}
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            if (!saving) void save();
          }}
          noValidate
        >
          <FormErrors title={t('brief.errorTitle')} errors={errors.general} />
          <TextAreaField label={t('brief.objective')} name="objective" value={draft.objective} onValue={(objective) => patch({ objective })} error={e['objective']} />

          <fieldset className="group">
            <legend>{t('brief.demands')}</legend>
            {negotiation.campaign.demands.length ? (
              negotiation.campaign.demands.map((demand, index) => (
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

          <TextAreaField label={t('brief.ourLeverage')} name="ourLeverage" value={draft.ourLeverage} onValue={(ourLeverage) => patch({ ourLeverage })} error={e['ourLeverage']} />
          <TextAreaField
            label={t('brief.theirInterests')}
            name="theirInterests"
            value={draft.theirInterests}
            onValue={(theirInterests) => patch({ theirInterests })}
            error={e['theirInterests']}
          />

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
                setFocusRow(key);
              }}
            >
              {t('brief.addArgument')}
            </button>
          </fieldset>

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
                  setFocusRow(key);
                }}
              />
            </div>
          </fieldset>

          <section className="group readonly" aria-labelledby="brief-testimonies">
            <h2 id="brief-testimonies">{t('brief.testimonies')}</h2>
            <p className="hint">{t('brief.testimoniesHint')}</p>
            {brief.testimonies.length ? (
              <ul className="list">
                {brief.testimonies.map((testimony, index) => (
                  <li key={index}>
                    {testimony.quote ? <q>{testimony.quote}</q> : null}{' '}
                    <span className="muted">
                      ({testimony.issue.name}, {t('contact.anger', { level: testimony.intensity })})
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t('brief.noTestimonies')}</p>
            )}
          </section>

          <TextAreaField label={t('brief.fallback')} name="fallback" value={draft.fallback} onValue={(fallback) => patch({ fallback })} error={e['fallback']} />
          <TextAreaField
            label={t('brief.ifNoAgreement')}
            name="ifNoAgreement"
            value={draft.ifNoAgreement}
            onValue={(ifNoAgreement) => patch({ ifNoAgreement })}
            error={e['ifNoAgreement']}
          />

          <section className="group readonly" aria-labelledby="brief-history">
            <h2 id="brief-history">{t('brief.history')}</h2>
            {brief.decisionMakerHistory.length ? (
              <ul className="list" data-section="decisionMakerHistory">
                {brief.decisionMakerHistory.map((c) => (
                  <li key={c.id}>
                    {c.decisionMaker ? <strong>{c.decisionMaker.name} : </strong> : null}
                    {c.description} — {t('brief.due', { date: format.date(c.dueAt) })}{' '}
                    <span className={`status status-${c.status.toLowerCase()}`}>{label(t, 'commitmentStatus', c.status)}</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t('brief.noHistory')}</p>
            )}
          </section>

          <div className="sticky-actions button-row">
            <button type="submit" className="button button-primary" disabled={saving} aria-busy={saving || undefined}>
              {saving ? t('brief.saving') : t('brief.save')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => window.print()}>
              {t('brief.print')}
            </button>
            <p role="status" className="save-status">
              {dirty ? t('brief.unsaved') : savedAt ? t('brief.savedAt', { time: format.dateTime(savedAt) }) : ''}
            </p>
          </div>
        </form>
      </article>
      <PrintableBrief brief={brief} draft={draft} />
    </>
  );
}
