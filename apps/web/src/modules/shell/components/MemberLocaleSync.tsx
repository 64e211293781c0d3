import { useEffect, useRef } from 'react';
import { useQuery } from '@apollo/client/react';
import { useLocale } from '../../../i18n';
import { MeQuery } from '../../auth/graphql/me';
import { OrgTimeZoneQuery } from '../../auth/graphql/orgTimeZone';
import { setOrgTimeZone } from '../../../i18n/timeZone';
import { localeChosenIn, memberLocale } from '../../auth/locale';
import { useSession } from '../../auth/session';

/**
 * Once per session, speaks the member's language as the API knows it (their choice,
 * else the organisation's): a choice made on another device follows them here.
 * Offline, the last language used on this device stays.
 */
export function MemberLocaleSync() {
  const session = useSession();
  const { setLocale } = useLocale();
  const { data } = useQuery(MeQuery, { skip: !session, fetchPolicy: 'network-only' });
  const appliedFor = useRef<string | null>(null);
  // The organisation's time zone, for the times shown (see i18n/timeZone.ts).
  const zone = useQuery(OrgTimeZoneQuery, { skip: !session, errorPolicy: 'ignore' });
  const timezone = zone.data?.organization.timezone ?? null;
  useEffect(() => setOrgTimeZone(timezone), [timezone]);

  useEffect(() => {
    if (!data || !session || appliedFor.current === session.token) return;
    appliedFor.current = session.token;
    if (localeChosenIn(session.token)) return;
    setLocale(memberLocale(data.me.locale, data.organization.locale));
  }, [data, session, setLocale]);

  return null;
}
