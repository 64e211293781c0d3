import { useCallback } from 'react';
import type { Role } from '@rapport/shared';
import { useLocale } from '../../i18n';
import { memberLocale } from './locale';
import { setSession, type Session } from './session';

interface Payload {
  token: string;
  user: { id: string; email: string; displayName: string; role: Role; locale?: string | null };
  organization: { locale: string };
}

/** Stores a new session from an AuthPayload (sign-in, accepted invitation, reset password) and takes the member's language. */
export function useStartSession(): (payload: Payload) => Session {
  const { setLocale } = useLocale();
  return useCallback(
    ({ token, user, organization }: Payload) => {
      const session: Session = { token, user: { id: user.id, email: user.email, displayName: user.displayName, role: user.role } };
      setSession(session);
      setLocale(memberLocale(user.locale, organization.locale));
      return session;
    },
    [setLocale],
  );
}
