import { useId, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useNavigate } from '../../../router';
import { errorMessage } from '../../../apollo/errors';
import { useT } from '../../../i18n';
import { PEOPLE_DATA_MESSAGES, usePageMessages, type PeopleDataKey } from '../people-data-messages';
import { useFormat } from '../../../i18n/format';
import type { DuplicateRecordFragment } from '../../../gql/graphql';
import { usePageTitle } from '../../shell/components/usePageTitle';
import { DismissDuplicateMutation, DuplicateCandidatesQuery, MergeContactsMutation } from '../graphql/duplicates';
import { lostValues, type MergeField } from '../merge';
import { formatPhone } from '../formats';
import { contactName } from './ContactSearch';

type Pair = { score: number; reasons: string[]; a: DuplicateRecordFragment; b: DuplicateRecordFragment };

type Words = ReturnType<typeof usePageMessages>;

/** A reason code of the API (SAME_PHONE…) in the reader's language; an unknown code is shown as it is. */
function reasonText(m: Words, code: string): string {
  const key = `duplicates.reason.${code}`;
  return key in PEOPLE_DATA_MESSAGES.fr ? m(key as PeopleDataKey) : code;
}

function fieldValue(format: ReturnType<typeof useFormat>, field: MergeField, value: string): string {
  if (field === 'phone') return formatPhone(value);
  if (field === 'consentGivenAt') return format.date(value);
  return value;
}

/** One record, as the organiser compares it with the other. */
function Record({ contact, heading }: { contact: DuplicateRecordFragment; heading: string }) {
  const t = useT();
  const rows: Array<[string, string | null | undefined]> = [
    [t('contactForm.phone'), formatPhone(contact.phone)],
    [t('contactForm.email'), contact.email],
    [t('contactForm.street'), contact.street],
    [t('contactForm.building'), contact.building],
    [t('contactForm.city'), contact.city],
    [t('contacts.tag'), contact.tags.map((tag) => `#${tag}`).join(' ')],
  ];
  return (
    <div className="duplicate-record">
      <h3>
        <span className="muted">{heading}</span> <Link to={`/contacts/${contact.id}`}>{contactName(contact)}</Link>
      </h3>
      <dl>
        {rows.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value || <span className="muted">—</span>}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

/** Two records side by side, why they look alike, and what merging one into the other loses. */
function PairCard({ pair, onDone }: { pair: Pair; onDone: () => void }) {
  const t = useT();
  const m = usePageMessages();
  const format = useFormat();
  const navigate = useNavigate();
  const groupId = useId();
  const [keepA, setKeepA] = useState(true);
  const [merge, merging] = useMutation(MergeContactsMutation);
  const [dismiss, dismissing] = useMutation(DismissDuplicateMutation);
  const keep = keepA ? pair.a : pair.b;
  const drop = keepA ? pair.b : pair.a;
  const lost = lostValues(keep, drop);
  const error = merging.error ?? dismissing.error;

  async function handleMerge() {
    const result = await merge({ variables: { keepId: keep.id, dropId: drop.id } }).catch(() => null);
    if (result?.data) await navigate(`/contacts/${result.data.mergeContacts.id}`, { state: { merged: true } });
  }
  async function handleDismiss() {
    const result = await dismiss({ variables: { aId: pair.a.id, bId: pair.b.id } }).catch(() => null);
    if (result?.data) onDone();
  }

  return (
    <li className="panel duplicate-pair" aria-labelledby={`${groupId}-title`}>
      <h2 id={`${groupId}-title`}>
        {contactName(pair.a)} · {contactName(pair.b)}
      </h2>
      <p>
        {pair.reasons.map((code) => (
          <span key={code} className="tag">
            {reasonText(m, code)}
          </span>
        ))}
        <span className="muted"> {m('duplicates.score', { score: format.number(Math.round(pair.score * 100)) })}</span>
      </p>
      <div className="duplicate-compare">
        <Record contact={pair.a} heading={m('duplicates.recordA')} />
        <Record contact={pair.b} heading={m('duplicates.recordB')} />
      </div>
      <fieldset className="form-field">
        <legend>{m('duplicates.keepWhich')}</legend>
        <label className="radio">
          <input type="radio" name={`${groupId}-keep`} checked={keepA} onChange={() => setKeepA(true)} /> {m('duplicates.keep', { name: contactName(pair.a) })}{' '}
          ({m('duplicates.recordA')})
        </label>
        <label className="radio">
          <input type="radio" name={`${groupId}-keep`} checked={!keepA} onChange={() => setKeepA(false)} />{' '}
          {m('duplicates.keep', { name: contactName(pair.b) })} ({m('duplicates.recordB')})
        </label>
      </fieldset>
      <div className="duplicate-lost" aria-live="polite">
        {lost.length ? (
          <>
            <p className="alert-title">{m('duplicates.lostTitle')}</p>
            <ul>
              {lost.map(({ field, value, kept }) => (
                <li key={field}>
                  <strong>{m(`duplicates.field.${field}`)}</strong> <del>{fieldValue(format, field, value)}</del>{' '}
                  {m('duplicates.keptValue', { value: fieldValue(format, field, kept) })}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p>{m('duplicates.nothingLost')}</p>
        )}
        <p className="muted">{m('duplicates.moves')}</p>
      </div>
      {error ? (
        <p className="alert" role="alert">
          {errorMessage(error, t)}
        </p>
      ) : null}
      <div className="button-row">
        <button type="button" className="button button-primary" onClick={() => void handleMerge()} disabled={merging.loading}>
          {m('duplicates.merge', { name: contactName(keep) })}
        </button>
        <button type="button" className="button button-secondary" onClick={() => void handleDismiss()} disabled={dismissing.loading}>
          {m('duplicates.notSame')}
        </button>
      </div>
    </li>
  );
}

/** /contacts/duplicates — records that may be one person: merge them (choosing which to keep) or say they are not. */
export function DuplicatesPage() {
  const t = useT();
  const m = usePageMessages();
  usePageTitle(m('duplicates.title'));
  const { data, loading, error, refetch } = useQuery(DuplicateCandidatesQuery, { variables: { first: 50 }, fetchPolicy: 'cache-and-network' });
  const pairs = data?.duplicateCandidates ?? [];
  return (
    <section className="page">
      <p>
        <Link to="/contacts">← {t('contacts.title')}</Link>
      </p>
      <h1>{m('duplicates.title')}</h1>
      <p className="muted">{m('duplicates.intro')}</p>
      {error && !data ? (
        <p className="alert" role="alert">
          {errorMessage(error, t)}
        </p>
      ) : null}
      <p role="status" className="muted">
        {data ? m('duplicates.count', { count: pairs.length }) : loading ? t('common.loading') : ''}
      </p>
      {pairs.length ? (
        <ul className="cards duplicates">
          {pairs.map((pair) => (
            <PairCard key={`${pair.a.id}-${pair.b.id}`} pair={pair} onDone={() => void refetch()} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}
