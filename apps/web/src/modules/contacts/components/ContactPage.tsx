import { useRef, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useLocation, useNavigate, useParams } from '../../../router';
import { Role } from '@rapport/shared';
import { errorMessage } from '../../../apollo/errors';
import { useT } from '../../../i18n';
import { usePageMessages } from '../people-data-messages';
import { useFormat } from '../../../i18n/format';
import { label } from '../../../i18n/labels';
import { useSession } from '../../auth/session';
import { usePageTitle } from '../../shell/components/usePageTitle';
import { ContactParticipationsQuery } from '../../actions/graphql/actions';
import { ContactQuery } from '../graphql/contact';
import { UpdateContactMutation } from '../graphql/saveContact';
import { ContactForm } from './ContactForm';
import { EraseContactMutation } from '../graphql/eraseContact';
import { ExportContactDataMutation } from '../graphql/exportContactData';
import { contactName } from './ContactSearch';
import { ContactMembership } from '../../membership/components/ContactMembership';
import { formatPhone } from '../formats';
import { QueryStatus } from '../../shell/components/QueryStatus';
import { ContactCases } from '../../casework/components/ContactCases';

/** Offers `text` as a file to save (the export of a person's data). */
export function downloadJson(filename: string, text: string): void {
  let pretty = text;
  try {
    pretty = JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    // not JSON after all: save it as received
  }
  const url = URL.createObjectURL(new Blob([pretty], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

/** /contacts/:id — a person's details, conversations and commitments; organisers export or erase them (GDPR). */
export function ContactPage() {
  const t = useT();
  const m = usePageMessages();
  const format = useFormat();
  const navigate = useNavigate();
  const session = useSession();
  const { id = '' } = useParams();
  const merged = (useLocation().state as { merged?: boolean } | null)?.merged === true;
  const { data, loading, error } = useQuery(ContactQuery, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const [exportData, exporting] = useMutation(ExportContactDataMutation);
  const [erase, erasing] = useMutation(EraseContactMutation);
  const [confirming, setConfirming] = useState(false);
  const [editing, setEditing] = useState(false);
  const [update] = useMutation(UpdateContactMutation);
  // Their participations in actions: read from the organisation's actions (the API has no Contact.participations).
  const actions = useQuery(ContactParticipationsQuery, { variables: { id }, fetchPolicy: 'cache-and-network', errorPolicy: 'all' });
  const confirmRef = useRef<HTMLDivElement>(null);
  const contact = data?.contact;
  const organiser = session?.user.role === Role.ORGANISER;
  usePageTitle(contact ? contactName(contact) : t('contacts.title'));

  if (!contact) {
    return (
      <section className="page">
        <h1>{t('contact.title')}</h1>
        <QueryStatus loading={loading} error={error} />
        {!loading && !error ? <p>{t('contact.notFound')}</p> : null}
        <p>
          <Link to="/contacts">{t('contact.back')}</Link>
        </p>
      </section>
    );
  }

  async function handleExport() {
    try {
      const result = await exportData({ variables: { contactId: id } });
      if (result.data) downloadJson(`rapport-contact-${id}.json`, result.data.exportContactData);
    } catch {
      // shown below from `exporting.error`
    }
  }

  async function handleErase() {
    try {
      await erase({
        variables: { contactId: id },
        update(cache) {
          cache.evict({ id: cache.identify({ __typename: 'Contact', id }) });
          cache.gc();
        },
      });
      await navigate('/contacts', { replace: true, state: { erased: true } });
    } catch {
      // shown in the confirmation box from `erasing.error`
    }
  }

  const participations = actions.data?.contact?.participations ?? [];
  const address = [contact.street, contact.building, [contact.postalCode, contact.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');

  return (
    <article className="page">
      <p>
        <Link to="/contacts">{t('contact.back')}</Link>
      </p>
      <h1>
        {contactName(contact)} {contact.isLeader ? <span className="tag">{t('contacts.leader')}</span> : null}
      </h1>
      {merged ? (
        <p className="notice" role="status">
          {m('contact.merged')}
        </p>
      ) : null}
      {editing ? (
        <section aria-labelledby="contact-edit" className="panel">
          <h2 id="contact-edit">{t('contactForm.editTitle')}</h2>
          <ContactForm
            initial={contact}
            submitLabel={t('contactForm.save')}
            onSubmit={async (input) => {
              await update({ variables: { id, input } });
              setEditing(false);
            }}
            onCancel={() => setEditing(false)}
          />
        </section>
      ) : (
        <p className="page-actions">
          <button type="button" className="button button-secondary" onClick={() => setEditing(true)}>
            {t('contactForm.edit')}
          </button>
        </p>
      )}
      <dl className="details" hidden={editing}>
        {contact.phone ? (
          <div>
            <dt>{t('field.phone')}</dt>
            <dd>
              <a href={`tel:${contact.phone}`}>{formatPhone(contact.phone)}</a>
            </dd>
          </div>
        ) : null}
        {contact.email ? (
          <div>
            <dt>{t('field.email')}</dt>
            <dd>
              <a href={`mailto:${contact.email}`}>{contact.email}</a>
            </dd>
          </div>
        ) : null}
        {address ? (
          <div>
            <dt>{t('contact.address')}</dt>
            <dd>{address}</dd>
          </div>
        ) : null}
        {contact.neighbourhood ? (
          <div>
            <dt>{t('contacts.neighbourhood')}</dt>
            <dd>{contact.neighbourhood}</dd>
          </div>
        ) : null}
        {contact.allyRoles.length ? (
          <div>
            <dt>{t('contacts.allyRole')}</dt>
            <dd>{contact.allyRoles.map((r) => label(t, 'allyRole', r)).join(', ')}</dd>
          </div>
        ) : null}
        {contact.tags.length ? (
          <div>
            <dt>{t('contacts.tag')}</dt>
            <dd>{contact.tags.join(', ')}</dd>
          </div>
        ) : null}
        {contact.languages.length ? (
          <div>
            <dt>{t('contact.languages')}</dt>
            <dd>{contact.languages.join(', ')}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('contact.consent')}</dt>
          <dd>{contact.consentGivenAt ? format.date(contact.consentGivenAt) : t('contact.noConsent')}</dd>
        </div>
      </dl>

      <section aria-labelledby="contact-conversations" className="panel">
        <h2 id="contact-conversations">{t('contact.conversations', { count: contact.conversations.length })}</h2>
        {contact.conversations.length ? (
          <ol className="timeline">
            {contact.conversations.map((c) => (
              <li key={c.id}>
                <p>
                  <time dateTime={c.occurredAt}>{format.date(c.occurredAt)}</time> — <strong>{label(t, 'kind', c.kind)}</strong>,{' '}
                  {label(t, 'outcome', c.outcome).toLowerCase()}
                  {c.campaign ? <span className="muted"> · {c.campaign.name}</span> : null}
                </p>
                {c.issues.length ? (
                  <ul className="issues-list">
                    {c.issues.map((raised) => (
                      <li key={raised.issue.id}>
                        {raised.issue.name} <span className="muted">({t('contact.anger', { level: raised.intensity })})</span>
                        {raised.quote ? <q>{raised.quote}</q> : null}
                      </li>
                    ))}
                  </ul>
                ) : null}
                {c.selfInterest ? (
                  <p>
                    {t('field.selfInterest')} : {c.selfInterest}
                  </p>
                ) : null}
                {c.notes ? <p className="muted">{c.notes}</p> : null}
              </li>
            ))}
          </ol>
        ) : (
          <p className="muted">{t('contact.noConversations')}</p>
        )}
      </section>

      <section aria-labelledby="contact-commitments" className="panel">
        <h2 id="contact-commitments">{t('contact.commitments', { count: contact.commitments.length })}</h2>
        {contact.commitments.length ? (
          <ul className="list">
            {contact.commitments.map((c) => (
              <li key={c.id}>
                {c.description} — <time dateTime={c.dueAt}>{format.date(c.dueAt)}</time>{' '}
                <span className={`status status-${c.status.toLowerCase()}`}>{label(t, 'commitmentStatusOne', c.status)}</span>
                {c.campaign ? <span className="muted"> · {c.campaign.name}</span> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('contact.noCommitments')}</p>
        )}
      </section>

      <section aria-labelledby="contact-participations" className="panel" data-section="participations">
        <h2 id="contact-participations">{t('contact.participations', { count: participations.length })}</h2>
        {participations.length ? (
          <ul className="list">
            {participations.map(({ action, status }) => (
              <li key={action.id}>
                <Link to={`/actions/${action.id}`}>{action.title}</Link> — <time dateTime={action.startsAt}>{format.date(action.startsAt)}</time>{' '}
                <span className="status">{label(t, 'participationStatus', status)}</span>
              </li>
            ))}
          </ul>
        ) : actions.data ? (
          <p className="muted">{t('contact.noParticipations')}</p>
        ) : null}
      </section>

      <ContactMembership contactId={contact.id} name={contactName(contact)} />
      <ContactCases contactId={contact.id} />

      {organiser ? (
        <section aria-labelledby="contact-privacy" className="panel privacy">
          <h2 id="contact-privacy">{t('contact.privacy')}</h2>
          <p className="muted">{t('contact.privacyIntro')}</p>
          <div className="button-row">
            <button type="button" className="button button-secondary" onClick={() => void handleExport()} disabled={exporting.loading}>
              {t('contact.export')}
            </button>
            <button
              type="button"
              className="button button-danger"
              aria-expanded={confirming}
              aria-controls="erase-confirm"
              onClick={() => {
                setConfirming(true);
                requestAnimationFrame(() => confirmRef.current?.focus());
              }}
            >
              {t('contact.erase')}
            </button>
          </div>
          {exporting.error ? (
            <p className="alert" role="alert">
              {errorMessage(exporting.error, t)}
            </p>
          ) : null}
          {confirming ? (
            <div
              id="erase-confirm"
              className="confirm"
              role="alertdialog"
              aria-labelledby="erase-title"
              aria-describedby="erase-body"
              tabIndex={-1}
              ref={confirmRef}
            >
              <p id="erase-title" className="alert-title">
                {t('contact.eraseTitle', { name: contactName(contact) })}
              </p>
              <p id="erase-body">{t('contact.eraseBody')}</p>
              {erasing.error ? <p className="field-error">{errorMessage(erasing.error, t)}</p> : null}
              <div className="button-row">
                <button type="button" className="button button-danger" onClick={() => void handleErase()} disabled={erasing.loading}>
                  {t('contact.eraseConfirm')}
                </button>
                <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
                  {t('common.cancel')}
                </button>
              </div>
            </div>
          ) : null}
        </section>
      ) : (
        <section aria-labelledby="contact-privacy" className="panel privacy">
          <h2 id="contact-privacy">{t('contact.privacy')}</h2>
          <p className="muted" data-explain="organisersOnly">
            {t('contact.organisersOnly')}
          </p>
        </section>
      )}
    </article>
  );
}
