import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { CaseStatus, Role } from '@rapport/shared';
import { fieldErrors, NO_ERRORS, type FieldErrors } from '../../../apollo/errors';
import { useLocale } from '../../../i18n';
import { useFormat } from '../../../i18n/format';
import { label } from '../../../i18n/labels';
import { useSession } from '../../auth/session';
import { ContactSearch, type PickedContact } from '../../contacts/components/ContactSearch';
import { ChoiceGroup, FormErrors, SelectField, TextAreaField, TextField } from '../../shell/components/fields';
import { parseEuros } from '../../membership/money';
import { AddCaseStepMutation, CaseCampaignsQuery, CaseOwnersQuery, OpenCaseMutation, UpdateCaseMutation } from '../graphql/casework';
import { useCaseworkT } from '../messages';

// Phone-first forms for the volunteer at a permanence: open a case, note a dated step,
// move the next step, close it (resolved or not, with the money recovered). Every list
// showing cases is asked again afterwards (the contact's page, "my cases").

const REFETCH = ['ContactCases', 'MyCases'];

/** A day typed in <input type=date>, as a moment: 09:00 that day on this phone (the next step of a working day). */
export function dayToIso(day: string, hour = 9): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y!, m! - 1, d!, hour).toISOString();
}

function useErrors() {
  const t = useCaseworkT();
  const [errors, setErrors] = useState<FieldErrors>(NO_ERRORS);
  return {
    errors,
    clear: () => setErrors(NO_ERRORS),
    fail: (error: unknown) => setErrors(fieldErrors(error, t)),
    /** Errors the form shows next to a field; the others at its top. */
    at: (key: string) => errors.fields[key],
    general: () => [
      ...errors.general,
      ...Object.entries(errors.fields)
        .filter(([k]) => !SHOWN.has(k))
        .map(([, m]) => m),
    ],
  };
}
const SHOWN = new Set(['input.agency', 'input.summary', 'input.issueName', 'input.nextStepAt', 'input.recoveredCents', 'note', 'at', 'input.contactId']);

/** Open a case for a person: on their page (contactId given) or from "my cases" (search). */
export function OpenCaseForm({ contactId, onOpened }: { contactId?: string; onOpened?: () => void }) {
  const t = useCaseworkT();
  const session = useSession();
  const organiser = session?.user.role === Role.ORGANISER;
  const campaigns = useQuery(CaseCampaignsQuery, { fetchPolicy: 'cache-first' });
  const owners = useQuery(CaseOwnersQuery, { skip: !organiser, fetchPolicy: 'cache-first' });
  const [open, opening] = useMutation(OpenCaseMutation, { refetchQueries: REFETCH });
  const [person, setPerson] = useState<PickedContact | null>(null);
  const [agency, setAgency] = useState('');
  const [issueName, setIssueName] = useState('');
  const [summary, setSummary] = useState('');
  const [owner, setOwner] = useState<string>('me');
  const [nextDay, setNextDay] = useState('');
  const [campaignId, setCampaignId] = useState('');
  const [done, setDone] = useState(false);
  const [needPerson, setNeedPerson] = useState(false);
  const errors = useErrors();
  const forId = contactId ?? person?.id ?? null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    errors.clear();
    setDone(false);
    setNeedPerson(!forId);
    if (!forId) return;
    try {
      await open({
        variables: {
          input: {
            contactId: forId,
            agency: agency.trim(),
            issueName: issueName.trim() || null,
            summary: summary.trim(),
            ownerId: owner === 'me' ? (session?.user.id ?? null) : owner === 'nobody' ? null : owner,
            nextStepAt: dayToIso(nextDay),
            campaignId: campaignId || null,
          },
        },
      });
      setAgency('');
      setIssueName('');
      setSummary('');
      setNextDay('');
      setPerson(null);
      setDone(true);
      onOpened?.();
    } catch (error) {
      errors.fail(error);
    }
  }

  const others = (owners.data?.members ?? []).filter((m) => m.id !== session?.user.id && m.role !== Role.ALLY);
  return (
    <form className="form panel case-form" onSubmit={submit} noValidate aria-labelledby={`open-case-${contactId ?? 'any'}`}>
      <h2 id={`open-case-${contactId ?? 'any'}`}>{t('cases.open')}</h2>
      <FormErrors title={t('cases.errorTitle')} errors={needPerson && !forId ? [t('cases.pickPerson'), ...errors.general()] : errors.general()} />
      {contactId ? null : person ? (
        <p>
          {t('cases.person')} : <strong>{person.label}</strong>{' '}
          <button type="button" className="button button-secondary" onClick={() => setPerson(null)}>
            {t('cases.changePerson')}
          </button>
        </p>
      ) : (
        <ContactSearch label={t('cases.person')} name="case-person" onPick={setPerson} />
      )}
      <TextField label={t('cases.agency')} name="agency" value={agency} onValue={setAgency} error={errors.at('input.agency')} required autoComplete="off" />
      <TextField label={t('cases.issue')} name="issueName" value={issueName} onValue={setIssueName} error={errors.at('input.issueName')} autoComplete="off" />
      <TextAreaField label={t('cases.summary')} name="summary" value={summary} onValue={setSummary} error={errors.at('input.summary')} required />
      <SelectField
        label={t('cases.owner')}
        name="ownerId"
        value={owner}
        onValue={setOwner}
        options={[
          { value: 'me', label: t('cases.ownerMe') },
          ...others.map((m) => ({ value: m.id, label: m.displayName })),
          { value: 'nobody', label: t('cases.ownerNobody') },
        ]}
      />
      <TextField label={t('cases.nextStepAt')} name="nextStepAt" type="date" value={nextDay} onValue={setNextDay} error={errors.at('input.nextStepAt')} />
      <SelectField
        label={t('cases.campaign')}
        name="campaignId"
        value={campaignId}
        onValue={setCampaignId}
        options={[{ value: '', label: t('cases.noCampaign') }, ...(campaigns.data?.campaigns ?? []).map((c) => ({ value: c.id, label: c.name }))]}
      />
      <button type="submit" className="button button-primary" disabled={opening.loading} aria-busy={opening.loading || undefined}>
        {t('cases.save')}
      </button>
      <p role="status">{done ? t('cases.opened') : ''}</p>
    </form>
  );
}

interface FollowedCase {
  id: string;
  status: string;
  nextStepAt?: string | null;
}

/** A case's follow-up: a dated step, the next step moved, the case closed. Open cases only. */
export function CaseFollowUp({ c }: { c: FollowedCase }) {
  const t = useCaseworkT();
  const format = useFormat();
  const { locale } = useLocale();
  const today = format.isoDay(new Date());
  const [addStep, adding] = useMutation(AddCaseStepMutation, { refetchQueries: REFETCH });
  const [update, updating] = useMutation(UpdateCaseMutation, { refetchQueries: REFETCH });
  const [note, setNote] = useState('');
  const [stepDay, setStepDay] = useState(today);
  const [nextDay, setNextDay] = useState(c.nextStepAt ? format.isoDay(c.nextStepAt) : '');
  const [outcome, setOutcome] = useState<CaseStatus>(CaseStatus.RESOLVED);
  const [money, setMoney] = useState('');
  const [status, setStatus] = useState('');
  const errors = useErrors();
  const busy = adding.loading || updating.loading;
  const ids = (name: string) => `${name}-${c.id}`;

  async function run(action: () => Promise<unknown>, done: string) {
    errors.clear();
    setStatus('');
    try {
      await action();
      setStatus(done);
    } catch (error) {
      errors.fail(error);
    }
  }

  const moneyCents = money.trim() ? parseEuros(money) : null;
  return (
    <details className="case-follow-up">
      <summary>{t('cases.follow')}</summary>
      <FormErrors title={t('cases.errorTitle')} errors={errors.general()} />
      <form
        className="form"
        aria-labelledby={ids('step')}
        onSubmit={(e) => {
          e.preventDefault();
          void run(async () => {
            // Today: now (the API's clock); another day: midday on this phone.
            await addStep({ variables: { caseId: c.id, note: note.trim(), at: stepDay === today ? null : dayToIso(stepDay, 12) } });
            setNote('');
          }, t('cases.stepAdded'));
        }}
        noValidate
      >
        <h3 id={ids('step')}>{t('cases.steps')}</h3>
        <TextAreaField label={t('cases.stepNote')} name="note" value={note} onValue={setNote} error={errors.at('note')} required />
        <TextField label={t('cases.stepAt')} name="stepAt" type="date" max={today} value={stepDay} onValue={setStepDay} error={errors.at('at')} />
        <button type="submit" className="button button-secondary" disabled={busy}>
          {t('cases.stepSave')}
        </button>
      </form>
      <form
        className="form"
        aria-label={t('cases.moveSave')}
        onSubmit={(e) => {
          e.preventDefault();
          void run(() => update({ variables: { id: c.id, input: { nextStepAt: dayToIso(nextDay) } } }), t('cases.moved'));
        }}
        noValidate
      >
        <TextField label={t('cases.nextStepAt')} name="nextStepAt" type="date" value={nextDay} onValue={setNextDay} error={errors.at('input.nextStepAt')} />
        <button type="submit" className="button button-secondary" disabled={busy || !nextDay}>
          {t('cases.moveSave')}
        </button>
      </form>
      <form
        className="form"
        aria-labelledby={ids('close')}
        onSubmit={(e) => {
          e.preventDefault();
          if (money.trim() && moneyCents === null) return;
          void run(() => update({ variables: { id: c.id, input: { status: outcome, recoveredCents: moneyCents } } }), t('cases.closedDone'));
        }}
        noValidate
      >
        <h3 id={ids('close')}>{t('cases.closeAs')}</h3>
        <ChoiceGroup
          legend={t('cases.outcome')}
          name={ids('outcome')}
          value={outcome}
          onValue={setOutcome}
          options={[CaseStatus.RESOLVED, CaseStatus.UNRESOLVED].map((s) => ({ value: s, label: label(t, 'caseStatus', s) }))}
        />
        <TextField
          label={t('cases.recovered')}
          name="recovered"
          inputMode="decimal"
          value={money}
          onValue={setMoney}
          error={money.trim() && moneyCents === null ? t('cases.badAmount') : errors.at('input.recoveredCents')}
          hint={
            moneyCents
              ? t('cases.recoveredShown', {
                  money: new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { style: 'currency', currency: 'EUR' }).format(moneyCents / 100),
                })
              : undefined
          }
        />
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('cases.closeSave')}
        </button>
      </form>
      <p role="status">{status}</p>
    </details>
  );
}
