import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useParams } from '../../../router';
import { ParticipationStatus, Visibility } from '@rapport/shared';
import { useTurnoutT } from '../turnout/messages';
import { errorMessage } from '../../../apollo/errors';
import type { ActionPageQuery as ActionData } from '../../../gql/graphql';
import { useT } from '../../../i18n';
import { useFormat } from '../../../i18n/format';
import { label } from '../../../i18n/labels';
import { ContactSearch, contactName } from '../../contacts/components/ContactSearch';
import { FormErrors, SelectField, TextAreaField } from '../../shell/components/fields';
import { usePageTitle } from '../../shell/components/usePageTitle';
import { keys, useFormErrors } from '../../shell/useFormErrors';
import { ActionPageQuery, RecordActionOutcomeMutation, SetParticipationMutation } from '../graphql/actions';
import { formatPhone } from '../../contacts/formats';
import { QueryStatus } from '../../shell/components/QueryStatus';

type ActionRow = NonNullable<ActionData['action']>;
type Participant = ActionRow['participants'][number];

const REFETCH = { refetchQueries: ['ActionPage', 'ContactParticipations', 'CampaignDashboard', 'CampaignWorkspace'], awaitRefetchQueries: true };

/** /actions/:id — an action's details, who is invited and who committed or came, and its outcome. */
export function ActionPage() {
  const t = useT();
  const tt = useTurnoutT();
  const format = useFormat();
  const { id = '' } = useParams();
  const { data, loading, error } = useQuery(ActionPageQuery, { variables: { id }, fetchPolicy: 'cache-and-network', errorPolicy: 'all' });
  const action = data?.action ?? undefined;
  const campaign = action?.campaign;
  usePageTitle(action?.title ?? t('action.title'));

  if (!action || !campaign) {
    return (
      <section className="page">
        <h1>{t('action.title')}</h1>
        <QueryStatus loading={loading} error={error} />
        {!loading && !action ? <p>{t('action.notFound')}</p> : null}
      </section>
    );
  }

  const tally = (status: ParticipationStatus) => action.participants.filter((p) => p.status === status).length;

  return (
    <article className="page">
      <p>
        <Link to={`/campaigns/${campaign.id}`}>{campaign.name}</Link>
      </p>
      <h1>{action.title}</h1>
      <p>
        <Link className="button button-primary" to={`/actions/${encodeURIComponent(action.id)}/check-in`}>
          {tt('link')}
        </Link>
      </p>
      <dl className="details">
        <div>
          <dt>{t('actions.startsAt')}</dt>
          <dd>
            <time dateTime={action.startsAt}>{format.weekday(action.startsAt)}</time>
          </dd>
        </div>
        {action.location ? (
          <div>
            <dt>{t('actions.location')}</dt>
            <dd>{action.location}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('actions.kind')}</dt>
          <dd>{label(t, 'actionKind', action.kind)}</dd>
        </div>
        {action.target ? (
          <div>
            <dt>{t('actions.target')}</dt>
            <dd>{action.target.name}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('action.visibility')}</dt>
          <dd>{action.visibility === Visibility.ALLIES ? t('actions.openToAllies') : t('action.teamOnly')}</dd>
        </div>
        <div data-figure="turnout">
          <dt>{t('action.turnout')}</dt>
          <dd>
            {action.turnoutGoal != null
              ? t('dashboard.turnout', { committed: format.number(action.committedCount), goal: format.number(action.turnoutGoal) })
              : t('dashboard.committed', { committed: format.number(action.committedCount) })}
            {' · '}
            {t('actions.attended', { count: format.number(action.attendedCount) })}
          </dd>
        </div>
      </dl>

      <section aria-labelledby="action-people" className="panel" data-section="participants">
        <h2 id="action-people">{t('action.people', { count: action.participants.length })}</h2>
        {action.participants.length ? (
          <>
            <p className="muted">
              {t('action.tally', {
                invited: tally(ParticipationStatus.INVITED),
                committed: tally(ParticipationStatus.COMMITTED),
                attended: tally(ParticipationStatus.ATTENDED),
                noShow: tally(ParticipationStatus.NO_SHOW),
              })}
            </p>
            <ul className="list">
              {action.participants.map((p) => (
                <ParticipantRow key={p.contact.id} actionId={action.id} participant={p} />
              ))}
            </ul>
          </>
        ) : (
          <p className="muted">{t('action.nobody')}</p>
        )}
        <InvitePeople actionId={action.id} already={new Set(action.participants.map((p) => p.contact.id))} />
      </section>

      <OutcomeForm key={action.id} actionId={action.id} outcome={action.outcome ?? ''} />
    </article>
  );
}

function ParticipantRow({ actionId, participant }: { actionId: string; participant: Participant }) {
  const t = useT();
  const [setParticipation, { loading, error }] = useMutation(SetParticipationMutation);
  const name = contactName(participant.contact);
  return (
    <li className="row-item" data-participant={participant.contact.id}>
      <p>
        <Link to={`/contacts/${participant.contact.id}`}>{name}</Link>
        {participant.contact.phone ? (
          <>
            {' · '}
            <a href={`tel:${participant.contact.phone}`}>{formatPhone(participant.contact.phone)}</a>
          </>
        ) : null}
      </p>
      <SelectField
        label={t('action.statusOf', { name })}
        name={`status-${participant.contact.id}`}
        value={participant.status as ParticipationStatus}
        options={Object.values(ParticipationStatus).map((s) => ({ value: s, label: label(t, 'participationStatus', s) }))}
        onValue={(status) => void setParticipation({ variables: { actionId, contactId: participant.contact.id, status }, ...REFETCH }).catch(() => undefined)}
        error={error ? errorMessage(error, t) : undefined}
        hint={loading ? t('common.saving') : undefined}
      />
    </li>
  );
}

function InvitePeople({ actionId, already }: { actionId: string; already: ReadonlySet<string> }) {
  const t = useT();
  const [invite, { error }] = useMutation(SetParticipationMutation);
  const [last, setLast] = useState('');
  return (
    <div className="group">
      <ContactSearch
        label={t('action.invite')}
        name="invite"
        hint={t('action.inviteHint')}
        onPick={(contact) => {
          if (already.has(contact.id)) {
            setLast(t('action.alreadyInvited', { name: contact.label }));
            return;
          }
          void invite({ variables: { actionId, contactId: contact.id, status: ParticipationStatus.INVITED }, ...REFETCH })
            .then(() => setLast(t('action.invited', { name: contact.label })))
            .catch(() => undefined);
        }}
      />
      <p role="status" className="save-status">
        {last}
      </p>
      {error ? (
        <p className="alert" role="alert">
          {errorMessage(error, t)}
        </p>
      ) : null}
    </div>
  );
}

function OutcomeForm({ actionId, outcome: initial }: { actionId: string; outcome: string }) {
  const t = useT();
  const [outcome, setOutcome] = useState(initial);
  const [saved, setSaved] = useState(false);
  const { fields, errors, submit, busy } = useFormErrors(keys('outcome'));
  const [record] = useMutation(RecordActionOutcomeMutation);
  return (
    <section aria-labelledby="action-outcome" className="panel">
      <h2 id="action-outcome">{t('action.outcome')}</h2>
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setSaved(false);
          void submit(() => record({ variables: { actionId, outcome }, ...REFETCH })).then((ok) => setSaved(ok));
        }}
      >
        <FormErrors title={t('form.errorTitle')} errors={errors.general} />
        <TextAreaField
          label={t('action.outcomeLabel')}
          name="outcome"
          rows={4}
          value={outcome}
          onValue={setOutcome}
          error={fields['outcome']}
          hint={t('action.outcomeHint')}
        />
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('action.saveOutcome')}
          </button>
          <p role="status" className="save-status">
            {saved ? t('action.outcomeSaved') : ''}
          </p>
        </div>
      </form>
    </section>
  );
}
