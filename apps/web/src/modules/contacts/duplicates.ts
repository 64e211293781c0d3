import { useEffect, useMemo, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { normalizeForMatch } from '@rapport/shared';
import { useOnline } from '../shell/useOnline';
import { isEmail, parsePhone } from './formats';
import { PossibleDuplicatesQuery } from './graphql/possibleDuplicates';

/** What is being typed for a new person. */
export interface NewPerson {
  firstName: string;
  lastName: string;
  phone: string;
  email: string;
  building: string;
}

export interface KnownPerson {
  id: string;
  firstName: string;
  lastName?: string | null;
  phone?: string | null;
  email?: string | null;
  building?: string | null;
  street?: string | null;
}

export type DuplicateReason = 'phone' | 'email' | 'nameBuilding';

const same = (a: string | null | undefined, b: string | null | undefined) => !!a && !!b && normalizeForMatch(a) === normalizeForMatch(b);

/**
 * Why `known` looks like the person typed: the same phone number (whatever the way
 * it is written), the same email, or the same first and last name in the same
 * building. The search is fuzzy (every word, anywhere); this keeps only real matches.
 */
export function duplicateReason(typed: NewPerson, known: KnownPerson): DuplicateReason | null {
  const phone = parsePhone(typed.phone);
  if (phone && known.phone && parsePhone(known.phone)?.number === phone.number) return 'phone';
  if (isEmail(typed.email) && known.email && typed.email.trim().toLowerCase() === known.email.toLowerCase()) return 'email';
  const nameMatches = same(typed.firstName, known.firstName) && (!typed.lastName.trim() || same(typed.lastName, known.lastName));
  if (nameMatches && typed.building.trim() && same(typed.building, known.building)) return 'nameBuilding';
  return null;
}

/** The search words for each clue worth asking about (none while a clue is incomplete). */
export function duplicateSearches(typed: NewPerson): string[] {
  const searches: string[] = [];
  const phone = parsePhone(typed.phone);
  // As the API stores French numbers for search: 0612345678.
  if (phone) searches.push(phone.country === 'FR' ? phone.formatNational().replace(/\s/g, '') : phone.number);
  if (isEmail(typed.email)) searches.push(typed.email.trim().toLowerCase());
  if (typed.firstName.trim().length >= 2 && typed.building.trim()) searches.push([typed.firstName, typed.lastName].join(' ').trim());
  return searches;
}

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/**
 * Known people who may be the one being typed, while it is typed: at most three
 * small searches (phone, email, name), each on the contacts' trigram index. Online
 * only: offline, nothing is suggested (the outbox still sends the door).
 */
export function useDuplicates(typed: NewPerson, enabled = true): Array<KnownPerson & { reason: DuplicateReason }> {
  const online = useOnline();
  const key = JSON.stringify(typed);
  const settled = useDebounced(key, 400);
  const searches = useMemo(() => duplicateSearches(JSON.parse(settled) as NewPerson), [settled]);
  const active = enabled && online;
  const byPhone = useQuery(PossibleDuplicatesQuery, { variables: { search: searches[0] ?? '' }, skip: !active || !searches[0], errorPolicy: 'ignore' });
  const byEmail = useQuery(PossibleDuplicatesQuery, { variables: { search: searches[1] ?? '' }, skip: !active || !searches[1], errorPolicy: 'ignore' });
  const byName = useQuery(PossibleDuplicatesQuery, { variables: { search: searches[2] ?? '' }, skip: !active || !searches[2], errorPolicy: 'ignore' });
  if (!active) return [];
  const seen = new Map<string, KnownPerson & { reason: DuplicateReason }>();
  for (const result of [byPhone, byEmail, byName]) {
    for (const { node } of result.data?.contacts.edges ?? []) {
      const reason = duplicateReason(typed, node);
      if (reason && !seen.has(node.id)) seen.set(node.id, { ...node, reason });
    }
  }
  return [...seen.values()];
}
