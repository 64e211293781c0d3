/**
 * Routing, on wouter (about 2 KB gzipped; React Router was 30 of /field's first load).
 * wouter reads the browser's own history; this module adds, in React Router's names so
 * the pages read the same, the few things wouter has no word for: NavLink's
 * `aria-current`, a location with its `state`, `<Navigate>`, the unsaved-changes
 * blocker, and the error boundary behind `useRouteError`.
 */
import { Component, createContext, useContext, useEffect, useLayoutEffect, useRef, useState, type ComponentProps, type ReactNode } from 'react';
import { Link, Router, useLocation as useWouterLocation, useSearch } from 'wouter';
import { navigate as historyNavigate, useBrowserLocation, useHistoryState } from 'wouter/use-browser-location';

export { Link, Route, Switch, useParams, useSearchParams } from 'wouter';

export interface NavigateOptions {
  replace?: boolean;
  /** Kept in the history entry (history.state), read back by useLocation().state. */
  state?: unknown;
}

export interface Location {
  pathname: string;
  /** With its `?`, or empty. */
  search: string;
  state: unknown;
}

type BlockerTest = (args: { currentLocation: { pathname: string }; nextLocation: { pathname: string } }) => boolean;
interface Guard {
  test: BlockerTest;
  hold: (go: () => void) => void;
}
/** The mounted useBlocker()s: a navigation any of them holds waits for its proceed(). */
const guards = new Set<Guard>();

/**
 * Every in-app navigation (links, navigate(), redirects): asks the blockers first, then
 * writes the browser's history, which wouter's hooks re-render on.
 */
export function navigate(to: string, options: NavigateOptions = {}): void {
  const from = { pathname: window.location.pathname };
  const next = { pathname: new URL(to, window.location.href).pathname };
  for (const guard of guards) {
    if (guard.test({ currentLocation: from, nextLocation: next })) {
      guard.hold(() => historyNavigate(to, options));
      return;
    }
  }
  historyNavigate(to, options);
}

/** wouter's location hook, with our navigate (so links go through the blockers too). */
function useAppLocation(): [string, typeof navigate] {
  return [useBrowserLocation()[0], navigate];
}

/** Around the app: wouter's links and redirects navigate through `navigate` above. */
export function AppRouter({ children }: { children: ReactNode }) {
  return <Router hook={useAppLocation}>{children}</Router>;
}

export function useNavigate(): typeof navigate {
  return navigate;
}

export function useLocation(): Location {
  const [pathname] = useWouterLocation();
  const search = useSearch();
  const state: unknown = useHistoryState();
  return { pathname, search: search ? `?${search}` : '', state };
}

/** A navigation link marked `aria-current="page"` on its page and the pages under it (the navigation's style keys on it). */
export function NavLink({ to, ...props }: ComponentProps<typeof Link> & { to: string }) {
  const [pathname] = useWouterLocation();
  const current = pathname === to || pathname.startsWith(`${to}/`);
  return <Link to={to} aria-current={current ? 'page' : undefined} {...props} />;
}

/** Goes to `to` once rendered (a redirect). */
export function Navigate({ to, replace, state }: { to: string } & NavigateOptions) {
  useLayoutEffect(() => navigate(to, { replace, state }), [to, replace, state]);
  return null;
}

export type Blocker = { state: 'unblocked'; proceed?: undefined; reset?: undefined } | { state: 'blocked'; proceed: () => void; reset: () => void };

/**
 * Holds in-app navigations `test` says to hold (unsaved changes): `blocked` until the
 * user chooses to proceed or to stay (reset). The browser's back button and closing
 * the tab are not in-app navigations: a `beforeunload` listener asks for the latter.
 */
export function useBlocker(test: BlockerTest): Blocker {
  const [held, setHeld] = useState<{ go: () => void } | null>(null);
  const testRef = useRef(test);
  useLayoutEffect(() => {
    testRef.current = test; // the latest test (it reads the page's latest state)
  });
  useEffect(() => {
    const guard: Guard = { test: (args) => testRef.current(args), hold: (go) => setHeld({ go }) };
    guards.add(guard);
    return () => void guards.delete(guard);
  }, []);
  if (!held) return { state: 'unblocked' };
  return {
    state: 'blocked',
    proceed: () => {
      setHeld(null);
      held.go();
    },
    reset: () => setHeld(null),
  };
}

const RouteErrorContext = createContext<unknown>(undefined);

/** The error a page threw (or its code failing to load), inside a RouteErrorBoundary's fallback. */
export function useRouteError(): unknown {
  return useContext(RouteErrorContext);
}

interface BoundaryProps {
  fallback: ReactNode;
  children?: ReactNode;
  /** A new value (the next page's path) clears the error: the user has moved on. */
  resetKey?: string;
}

/** What a page throws shows `fallback` in its place (React Router's errorElement). */
export class RouteErrorBoundary extends Component<BoundaryProps, { failed: boolean; error: unknown }> {
  override state = { failed: false, error: undefined as unknown };

  static getDerivedStateFromError(error: unknown) {
    return { failed: true, error };
  }

  override componentDidUpdate(previous: BoundaryProps) {
    if (this.state.failed && previous.resetKey !== this.props.resetKey) this.setState({ failed: false, error: undefined });
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return <RouteErrorContext.Provider value={this.state.error}>{this.props.fallback}</RouteErrorContext.Provider>;
  }
}
