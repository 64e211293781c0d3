import { useEffect, useId, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { useT } from '../../../i18n';
import { useOnline } from '../../shell/useOnline';
import { SearchContactsQuery } from '../graphql/searchContacts';

export interface PickedContact {
  id: string;
  label: string;
}

interface ContactSearchProps {
  label: string;
  name: string;
  onPick: (contact: PickedContact) => void;
  hint?: string;
}

export function contactName(c: { firstName: string; lastName?: string | null }): string {
  return [c.firstName, c.lastName].filter(Boolean).join(' ');
}

/** Finds a person already known (name, phone or email, accents and case ignored) and hands them to the form. */
export function ContactSearch({ label, name, onPick, hint }: ContactSearchProps) {
  const t = useT();
  const id = useId();
  const online = useOnline();
  const [term, setTerm] = useState('');
  const [search, setSearch] = useState('');

  useEffect(() => {
    const timer = setTimeout(() => setSearch(term.trim()), 300);
    return () => clearTimeout(timer);
  }, [term]);

  const skip = search.length < 2 || !online;
  const { data, loading } = useQuery(SearchContactsQuery, { variables: { search, first: 8 }, skip, errorPolicy: 'all' });
  const results = skip ? [] : (data?.contacts.edges.map((e) => e.node) ?? []);

  return (
    <div className="field contact-search">
      <label htmlFor={`${id}-q`}>{label}</label>
      <input
        id={`${id}-q`}
        name={name}
        type="search"
        autoComplete="off"
        value={term}
        onChange={(e) => setTerm(e.target.value)}
        aria-describedby={`${id}-status`}
        onKeyDown={(e) => {
          // Enter picks the only match rather than submitting the whole form.
          if (e.key === 'Enter') {
            e.preventDefault();
            if (results.length === 1) onPick({ id: results[0]!.id, label: contactName(results[0]!) });
          }
        }}
      />
      <p id={`${id}-status`} className="hint" aria-live="polite">
        {!online
          ? t('contactSearch.offline')
          : search.length < 2
            ? (hint ?? t('contactSearch.hint'))
            : loading
              ? t('common.loading')
              : t('contactSearch.results', { count: results.length })}
      </p>
      {results.length ? (
        <ul className="search-results">
          {results.map((contact) => (
            <li key={contact.id}>
              <button
                type="button"
                className="button button-choice"
                onClick={() => {
                  onPick({ id: contact.id, label: contactName(contact) });
                  setTerm('');
                  setSearch('');
                }}
              >
                <strong>{contactName(contact)}</strong>
                {contact.street || contact.building ? <span className="muted"> · {[contact.street, contact.building].filter(Boolean).join(', ')}</span> : null}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
