/**
 * Routing, on wouter (about 2 KB gzipped; React Router was 30 of /field's first load).
 * wouter reads the browser's own history; this module adds, in React Router's names so
 * the pages read the same, the few things wouter has no word for: NavLink's
 * `aria-current`, a location with its `state`, `<Navigate>`, the unsaved-changes
 * blocker, and the error boundary behind `useRouteError`.
 */
import {
  Component,
  createContext,
  useCallback,
  useContext,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ComponentProps,
  type ReactNode,
} from 'react';
import { Link, Router, useLocation as useWouterLocation } from 'wouter';
import { navigate as historyNavigate, useBrowserLocation, useHistoryState, useSearch } from 'wouter/use-browser-location';

export { Link, Route, Switch, useParams } from 'wouter';

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
  /** The page the blocker is on. */
  pathname: string;
}
/** The mounted useBlocker()s: a navigation any of them holds waits for its proceed(). */
const guards = new Set<Guard>();

function holdingGuard(nextPathname: string): Guard | undefined {
  for (const guard of guards) {
    if (guard.test({ currentLocation: { pathname: guard.pathname }, nextLocation: { pathname: nextPathname } })) return guard;
  }
  return undefined;
}

/**
 * The history entries the app writes are numbered (history.state = { idx, usr }, as React
 * Router does): a back or forward move a blocker holds can be undone by as many steps.
 */
interface Entry {
  idx: number;
  usr: unknown;
}
function entryOf(state: unknown): Entry | undefined {
  return state !== null && typeof state === 'object' && 'idx' in state ? (state as Entry) : undefined;
}
// The entry the app opened on is numbered 0.
if (!entryOf(window.history.state)) window.history.replaceState({ idx: 0, usr: window.history.state as unknown } satisfies Entry, '');
/** The number of the entry shown. */
let shownIdx = entryOf(window.history.state)!.idx;

function write(to: string, { replace = false, state = null }: NavigateOptions): void {
  shownIdx = replace ? shownIdx : shownIdx + 1;
  historyNavigate(to, { replace, state: { idx: shownIdx, usr: state } satisfies Entry });
}

/**
 * Every in-app navigation (links, navigate(), redirects): asks the blockers first, then
 * writes the browser's history, which wouter's hooks re-render on.
 */
export function navigate(to: string, options: NavigateOptions = {}): void {
  const next = new URL(to, window.location.href);
  // A link to the page already shown replaces its entry (as React Router did): Back still leaves it.
  if (options.replace === undefined && next.pathname + next.search === window.location.pathname + window.location.search)
    options = { ...options, replace: true };
  const guard = holdingGuard(next.pathname);
  if (guard) guard.hold(() => write(to, options));
  else write(to, options);
}

/**
 * The back and forward buttons: the browser has moved when `popstate` arrives. While a
 * blocker holds that move, it is undone before wouter hears of it (this listener is added
 * when this module loads, before wouter's, and stops the event), and redone on proceed().
 */
let undoing = false;
let passing = false;
window.addEventListener('popstate', (event) => {
  const idx = entryOf(window.history.state)?.idx;
  if (undoing) {
    // Back where the blocker is: nothing for wouter to show.
    undoing = false;
    shownIdx = idx ?? shownIdx;
    event.stopImmediatePropagation();
    return;
  }
  // An entry the app did not write (a `#fragment`) or the same entry: nothing to undo.
  const delta = idx === undefined ? 0 : idx - shownIdx;
  const guard = passing || delta === 0 ? undefined : holdingGuard(window.location.pathname);
  passing = false;
  if (!guard) {
    shownIdx = idx ?? shownIdx;
    return;
  }
  event.stopImmediatePropagation();
  undoing = true;
  window.history.go(-delta);
  guard.hold(() => {
    passing = true;
    window.history.go(delta);
  });
});

/**
 * A `#fragment` link (the skip link) makes a history entry the app did not write: it gets
 * the next number, so a back move from a later page across it is counted, and held like
 * any other. While a held move is being undone, its `hashchange` is stopped as well:
 * wouter re-reads the address on that event too, and would show the page being held back.
 */
window.addEventListener('hashchange', (event) => {
  if (undoing) {
    event.stopImmediatePropagation();
    return;
  }
  if (!entryOf(window.history.state)) {
    shownIdx += 1;
    window.history.replaceState({ idx: shownIdx, usr: null } satisfies Entry, '');
  }
});

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

/**
 * The location the page shown reads while the next page's code loads (routes.tsx keeps
 * the previous page on screen meanwhile): its own address, not the one it is leaving for.
 */
const HeldLocation = createContext<Location | null>(null);

/** Around a page still shown after the address changed: it reads `location` (null: the address). */
export function LocationHold({ location, children }: { location: Location | null; children: ReactNode }) {
  return <HeldLocation.Provider value={location}>{children}</HeldLocation.Provider>;
}

// The query string is read as the address holds it (the browser's location.search):
// wouter's own useSearch decodes it once more, so a "%41" typed in a search came back "A".
function useAddress(): Location {
  const [pathname] = useWouterLocation();
  const search = useSearch();
  const entry: unknown = useHistoryState();
  return useMemo(() => ({ pathname, search, state: entryOf(entry)?.usr ?? null }), [pathname, search, entry]);
}

export function useLocation(): Location {
  const held = useContext(HeldLocation);
  const address = useAddress();
  return held ?? address;
}

/** The address's query parameters, and a setter that navigates to the same page with others. */
export function useSearchParams(): [URLSearchParams, (next: URLSearchParams | Record<string, string>, options?: NavigateOptions) => void] {
  const { pathname, search } = useLocation();
  const params = useMemo(() => new URLSearchParams(search), [search]);
  const setParams = useCallback(
    (next: URLSearchParams | Record<string, string>, options?: NavigateOptions) => {
      const query = new URLSearchParams(next).toString();
      navigate(`${pathname}${query ? `?${query}` : ''}`, options);
    },
    [pathname],
  );
  return [params, setParams];
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
 * Holds the navigations `test` says to hold (unsaved changes), in-app links and the back
 * and forward buttons: `blocked` until the user chooses to proceed or to stay (reset).
 * Closing the tab or typing an address is not held here: a `beforeunload` listener asks.
 */
export function useBlocker(test: BlockerTest): Blocker {
  const [held, setHeld] = useState<{ go: () => void } | null>(null);
  const { pathname } = useLocation();
  const guard = useRef<Guard | null>(null);
  useLayoutEffect(() => {
    // The latest test (it reads the page's latest state) and the page it is on.
    if (guard.current) Object.assign(guard.current, { test, pathname });
  });
  useEffect(() => {
    const added: Guard = { test, pathname, hold: (go) => setHeld({ go }) };
    guard.current = added;
    guards.add(added);
    return () => void guards.delete(added);
    // Registered once; the layout effect above keeps it current.
    // eslint-disable-next-line react-hooks/exhaustive-deps
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
