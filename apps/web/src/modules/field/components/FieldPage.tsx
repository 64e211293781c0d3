import { useCallback, useRef, useState } from 'react';
import { useSearchParams } from '../../../router';
import { fieldErrors, NO_ERRORS, placeErrors, type FieldErrors } from '../../../apollo/errors';
import { useT } from '../../../i18n';
import { label } from '../../../i18n/labels';
import { useSession } from '../../auth/session';
import { usePageTitle } from '../../shell/components/usePageTitle';
import { useOnline } from '../../shell/useOnline';
import { localErrors, nextDoor, toInput, type FieldDraft } from '../draft';
import { newClientId } from '../clientId';
import { discardRejected, submitToOutbox, useOutbox } from '../outbox/outbox';
import type { RejectedConversation } from '../outbox/store';
import { refusalOf } from './refusal';
import { useFieldDraft } from '../useFieldDraft';
import { useFieldOptions } from '../useFieldOptions';
import { buildingLabel, findPlace, placePatch, TurfPlaceLookup, type TurfPlace } from '../turfPlace';
import { FieldForm, type SubmitStatus } from './FieldForm';
import { OutboxPanel } from './OutboxPanel';

/** Error keys this form can show next to a field; the others go to the top of the form. */
const FORM_FIELDS = new Set([
  'campaignId',
  'kind',
  'outcome',
  'street',
  'building',
  'door',
  'contactId',
  'newContact.firstName',
  'newContact.lastName',
  'newContact.phone',
  'newContact.email',
  'newContact.street',
  'newContact.building',
  'newContact.consentGivenAt',
  'issues',
  'selfInterest',
  'interestLevel',
  'leadershipPotential',
  'followUpAt',
  'notes',
]);
const isFormField = (key: string) => FORM_FIELDS.has(key) || /^issues\.\d+\.(name|intensity|quote)$/.test(key);

/** /field — the door-to-door form; works offline (outbox in IndexedDB, app shell in the service worker). */
export function FieldPage() {
  const t = useT();
  const session = useSession();
  const userId = session?.user.id ?? '';
  const [params] = useSearchParams();
  const options = useFieldOptions(userId);
  const [draft, setDraft] = useFieldDraft(userId, params.get('campaign'));
  const outbox = useOutbox(userId);
  const online = useOnline();
  const [errors, setErrors] = useState<FieldErrors>(NO_ERRORS);
  const [status, setStatus] = useState<SubmitStatus>(null);
  const [busy, setBusy] = useState(false);
  const doorRef = useRef<HTMLInputElement>(null);
  const campaign = options.campaigns.find((c) => c.id === draft.campaignId);
  usePageTitle(t('field.title'));

  // ?building= / ?door=: the door's id at once, the words when the building is known;
  // applied once per link and once more when the building arrives (adjusted while rendering).
  const buildingParam = params.get('building');
  const doorParam = params.get('door');
  const linksPlace = !!(buildingParam || doorParam);
  const [foundPlace, setFoundPlace] = useState<TurfPlace | null>(null);
  // Only while it is still the place the link names (the lookup answers for the new link a moment later).
  const place = linksPlace ? findPlace(foundPlace ? [foundPlace.building] : undefined, buildingParam, doorParam) : null;
  const placeKey = linksPlace ? `${buildingParam}|${doorParam}|${place ? 'known' : ''}` : null;
  const [seenPlace, setSeenPlace] = useState<string | null>(null);
  if (placeKey !== seenPlace) {
    setSeenPlace(placeKey);
    if (placeKey) setDraft((d) => ({ ...d, ...placePatch(place, doorParam) }));
  }

  const change = useCallback(
    (patch: Partial<FieldDraft>) => {
      // Typing another place: no longer the turf's door.
      const moved = 'street' in patch || 'building' in patch || 'door' in patch;
      setDraft((d) => ({ ...d, ...(moved ? { doorId: '' } : {}), ...patch }));
      setStatus(null);
    },
    [setDraft],
  );

  /** After an error, the first field in trouble gets the focus (keyboard and screen-reader users land on it). */
  function focusFirstError() {
    requestAnimationFrame(() => {
      const target = document.querySelector<HTMLElement>('.field-form [aria-invalid="true"], .field-form fieldset[aria-describedby] input, .field-form .alert');
      target?.focus?.();
      target?.scrollIntoView?.({ block: 'center' });
    });
  }

  async function submit() {
    // Checked here, all at once, before the outbox: offline, the canvasser is told at the door.
    // Busy from the start: the first check may wait for the phone rules to load.
    setBusy(true);
    const snapshot = draft;
    const local = await localErrors(snapshot, t);
    if (Object.keys(local).length) {
      setBusy(false);
      setErrors({ fields: local, general: [] });
      focusFirstError();
      return;
    }
    const clientId = newClientId();
    const now = new Date();
    setErrors(NO_ERRORS);
    try {
      const result = await submitToOutbox({
        kind: 'conversation',
        clientId,
        userId,
        input: toInput(snapshot, clientId, now),
        draft: snapshot,
        createdAt: now.toISOString(),
        attempts: 0,
      });
      if (result.status === 'rejected') {
        // The API answered at once: shown here, next to the fields, the form still holds what was typed.
        await discardRejected(clientId);
        setErrors(placeErrors(refusalOf(result.entry, t), isFormField));
        setStatus(null);
        focusFirstError();
        return;
      }
      // Not answered yet (a weak signal): confirmed all the same, it leaves in the background;
      // a refusal coming later lands in the "to correct" list.
      setStatus(result.status === 'sent' ? 'sent' : result.status === 'waiting' && result.reason === 'offline' ? 'queued' : 'sending');
      setDraft(nextDoor(snapshot));
      doorRef.current?.focus();
    } catch (error) {
      // IndexedDB refused the entry (storage full…): keep the form as typed.
      setErrors(placeErrors(fieldErrors(error, t), isFormField));
    } finally {
      setBusy(false);
    }
  }

  async function correct(entry: RejectedConversation) {
    setDraft(entry.draft);
    setErrors(placeErrors(refusalOf(entry, t), isFormField));
    setStatus(null);
    await discardRejected(entry.clientId);
    focusFirstError();
  }

  return (
    <section className="page page-field" aria-labelledby="field-title">
      <h1 id="field-title">{label(t, 'kind', draft.kind)}</h1>
      {campaign ? <p className="muted field-campaign">{campaign.name}</p> : null}
      {place ? (
        <p className="field-building">
          <strong>{buildingLabel(place.building)}</strong> · {place.building.number} {place.building.street}
        </p>
      ) : null}
      {options.fromCache || !online ? <p className="hint">{options.fromCache ? t('field.optionsFromCache') : t('field.offline')}</p> : null}
      {linksPlace ? <TurfPlaceLookup campaignId={params.get('campaign')} buildingId={buildingParam} doorId={doorParam} onPlace={setFoundPlace} /> : null}
      <OutboxPanel outbox={outbox} onCorrect={(entry) => void correct(entry)} />
      <FieldForm
        draft={draft}
        onChange={change}
        options={options}
        errors={errors}
        busy={busy}
        status={status}
        onSubmit={() => void submit()}
        doorRef={doorRef}
      />
    </section>
  );
}
