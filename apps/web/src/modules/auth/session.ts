import { useSyncExternalStore } from 'react';
import { Role } from '@rapport/shared';

// The signed-in session lives in localStorage: the bearer token, and the user
// (to route by role without a round trip). Components read it with useSession();
// the Apollo links read it with getToken()/clearSession().

export const TOKEN_STORAGE_KEY = 'rapport.token';
export const USER_STORAGE_KEY = 'rapport.user';

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
}

export interface Session {
  token: string;
  user: SessionUser;
}

const listeners = new Set<() => void>();
let cached: { token: string | null; user: string | null; session: Session | null } | null = null;

function safeGet(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function parseUser(raw: string | null): SessionUser | null {
  if (!raw) return null;
  try {
    const user = JSON.parse(raw) as Partial<SessionUser>;
    if (typeof user?.id !== 'string' || !Object.values(Role).includes(user.role as Role)) return null;
    return user as SessionUser;
  } catch {
    return null;
  }
}

/** The current session, or null when signed out. Stable between changes (for useSyncExternalStore). */
export function getSession(): Session | null {
  const token = safeGet(TOKEN_STORAGE_KEY);
  const user = safeGet(USER_STORAGE_KEY);
  if (!cached || cached.token !== token || cached.user !== user) {
    const parsed = parseUser(user);
    cached = { token, user, session: token && parsed ? { token, user: parsed } : null };
  }
  return cached.session;
}

export function getToken(): string | null {
  return getSession()?.token ?? null;
}

function notify() {
  for (const listener of listeners) listener();
}

export function setSession(session: Session): void {
  localStorage.setItem(TOKEN_STORAGE_KEY, session.token);
  localStorage.setItem(USER_STORAGE_KEY, JSON.stringify(session.user));
  notify();
}

export function clearSession(): void {
  try {
    localStorage.removeItem(TOKEN_STORAGE_KEY);
    localStorage.removeItem(USER_STORAGE_KEY);
  } catch {
    // nothing stored
  }
  notify();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Another tab signed in or out.
  const onStorage = (event: StorageEvent) => {
    if (event.key === null || event.key === TOKEN_STORAGE_KEY || event.key === USER_STORAGE_KEY) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

export function useSession(): Session | null {
  return useSyncExternalStore(subscribe, getSession, () => null);
}

export function isMember(role: Role): boolean {
  return role === Role.ORGANISER || role === Role.LEADER;
}

/** Where a user lands after signing in: members the campaigns, allies the ally view. */
export function homePathFor(role: Role): string {
  return isMember(role) ? '/campaigns' : '/allies';
}
