import { Suspense, useEffect, useReducer, useState, type ComponentType } from 'react';
import { parse } from 'regexparam';
import { Role } from '@rapport/shared';
import { LoginPage } from './modules/auth/components/LoginPage';
import { HomeRedirect, RequireAuth } from './modules/auth/components/RequireAuth';
import { getSession } from './modules/auth/session';
import { NotFoundPage } from './modules/shell/components/NotFoundPage';
import { RouteError } from './modules/shell/components/RouteError';
import { Shell } from './modules/shell/components/Shell';
import { loadWithApollo } from './apollo/lazy';
import { LocationHold, Route, RouteErrorBoundary, Switch, useLocation, type Location } from './router';

const MEMBERS = [Role.ORGANISER, Role.LEADER] as const;
const ORGANISERS = [Role.ORGANISER] as const;
/** Any signed-in user. */
const SIGNED_IN = 'signed-in';

type Page = ComponentType & {
  preload?: () => Promise<void>;
  /** True once its code is there (or failed to come: the page then shows RouteError). */
  isLoaded?: () => boolean;
};

/**
 * A page loaded on first visit (its own chunk): /field never downloads the dashboard or
 * its charts. Like React's lazy(), it suspends until its code is there; unlike it, it can
 * be loaded before it renders (preloadPage), and renders at once when it has been. Its
 * code comes with Apollo's (these pages ask the API), which the sign-in page does without.
 */
function page(loadPage: () => Promise<ComponentType>): Page {
  // A failure is shown once (RouteError); the next visit tries again (back online).
  const code = loadWithApollo(loadPage);
  function LazyPage() {
    const Loaded = code.read();
    // eslint-disable-next-line react-hooks/static-components -- read() gives the one component loaded, at every render
    return <Loaded />;
  }
  LazyPage.preload = code.preload;
  LazyPage.isLoaded = code.settled;
  return LazyPage;
}

interface PageRoute {
  path: string;
  Page: Page;
  /** Who may open it; anyone when omitted. */
  access?: readonly Role[] | typeof SIGNED_IN;
}

/**
 * Every page. The first path that matches wins (wouter's Switch): a fixed path
 * (`/contacts/new`) comes before the pattern that would also match it (`/contacts/:id`).
 */
export const routes: PageRoute[] = [
  { path: '/', Page: HomeRedirect },
  { path: '/login', Page: LoginPage },
  { path: '/logout', Page: page(() => import('./modules/auth/components/SignOutPage').then((m) => m.SignOutPage)) },
  // Opened from an email, once: their code loads when followed.
  { path: '/invitation/:token', Page: page(() => import('./modules/auth/components/AcceptInvitationPage').then((m) => m.AcceptInvitationPage)) },
  { path: '/reset-password', Page: page(() => import('./modules/auth/components/ResetPasswordPages').then((m) => m.RequestPasswordResetPage)) },
  { path: '/reset-password/:token', Page: page(() => import('./modules/auth/components/ResetPasswordPages').then((m) => m.ResetPasswordPage)) },

  { path: '/team', access: ORGANISERS, Page: page(() => import('./modules/team/components/TeamPage').then((m) => m.TeamPage)) },
  { path: '/contacts/import', access: ORGANISERS, Page: page(() => import('./modules/imports/components/ImportPages').then((m) => m.ImportPage)) },
  { path: '/contacts/import/:id', access: ORGANISERS, Page: page(() => import('./modules/imports/components/ImportPages').then((m) => m.ImportJobPage)) },

  { path: '/campaigns', access: MEMBERS, Page: page(() => import('./modules/campaigns/components/CampaignsPage').then((m) => m.CampaignsPage)) },
  { path: '/campaigns/:id', access: MEMBERS, Page: page(() => import('./modules/campaigns/components/DashboardPage').then((m) => m.DashboardPage)) },
  { path: '/campaigns/:id/turf', access: MEMBERS, Page: page(() => import('./modules/turf/components/TurfPage').then((m) => m.TurfPage)) },
  { path: '/field', access: MEMBERS, Page: page(() => import('./modules/field/components/FieldPage').then((m) => m.FieldPage)) },
  { path: '/contacts', access: MEMBERS, Page: page(() => import('./modules/contacts/components/ContactsPage').then((m) => m.ContactsPage)) },
  {
    path: '/contacts/duplicates',
    access: MEMBERS,
    Page: page(() => import('./modules/contacts/components/DuplicatesPage').then((m) => m.DuplicatesPage)),
  },
  { path: '/contacts/new', access: MEMBERS, Page: page(() => import('./modules/contacts/components/NewContactPage').then((m) => m.NewContactPage)) },
  { path: '/contacts/:id', access: MEMBERS, Page: page(() => import('./modules/contacts/components/ContactPage').then((m) => m.ContactPage)) },
  { path: '/actions/:id', access: MEMBERS, Page: page(() => import('./modules/actions/components/ActionPage').then((m) => m.ActionPage)) },
  { path: '/actions/:id/check-in', access: MEMBERS, Page: page(() => import('./modules/actions/turnout/CheckInPage').then((m) => m.CheckInPage)) },
  {
    path: '/negotiations/:id/brief',
    access: MEMBERS,
    Page: page(() => import('./modules/negotiations/components/BriefPage').then((m) => m.BriefPage)),
  },
  { path: '/sessions', access: MEMBERS, Page: page(() => import('./modules/casework/components/SessionsPage').then((m) => m.SessionsPage)) },
  { path: '/sessions/:id', access: MEMBERS, Page: page(() => import('./modules/casework/components/SessionPage').then((m) => m.SessionPage)) },
  { path: '/cases', access: MEMBERS, Page: page(() => import('./modules/casework/components/MyCasesPage').then((m) => m.MyCasesPage)) },
  { path: '/membership', access: MEMBERS, Page: page(() => import('./modules/membership/components/MembershipPage').then((m) => m.MembershipPage)) },
  { path: '/receipts/:paymentId', access: MEMBERS, Page: page(() => import('./modules/membership/components/ReceiptPage').then((m) => m.ReceiptPage)) },
  {
    path: '/notifications',
    access: MEMBERS,
    Page: page(() => import('./modules/notifications/components/NotificationsPage').then((m) => m.NotificationsPage)),
  },

  { path: '/allies', access: SIGNED_IN, Page: page(() => import('./modules/allies/components/AlliesPage').then((m) => m.AlliesPage)) },
  { path: '/account', access: SIGNED_IN, Page: page(() => import('./modules/account/components/AccountPage').then((m) => m.AccountPage)) },
];

/**
 * Loads the code of the page at `pathname` (main.tsx, before the first render: the frame
 * index.html painted stays until the page can show in full, so nothing moves twice).
 * regexparam is the pattern parser wouter itself uses, so both match the same page.
 */
export function preloadPage(pathname: string): Promise<void> {
  const route = routeAt(pathname);
  return (route && opensFor(route) && route.Page.preload?.()) || Promise.resolve();
}

const routeAt = (pathname: string) => routes.find(({ path }) => parse(path).pattern.test(pathname));

/**
 * Whether the page's own code renders for this visitor: RequireAuth sends a signed-out
 * visitor to sign in, and explains to an ally, without it (so it is not waited for).
 */
function opensFor({ access }: PageRoute, session = getSession()): boolean {
  if (!access) return true;
  if (!session) return false;
  return access === SIGNED_IN || access.includes(session.user.role);
}

const isPageLoaded = (pathname: string) => {
  const route = routeAt(pathname);
  return !route || !opensFor(route) || (route.Page.isLoaded?.() ?? true);
};

/**
 * The location whose page to show: the address once its page's code is there, the previous
 * one meanwhile (as React's transitions did), so that following a link on a slow network
 * never blanks the screen; `loading` says the next page is on its way.
 */
function useShownLocation(): { shown: Location; loading: boolean } {
  const address = useLocation();
  const [shown, setShown] = useState(address);
  // Once the code is there, a render: even when `shown` already names the address (the
  // first page, or a page whose code failed once and is asked for again).
  const [, codeArrived] = useReducer((n: number) => n + 1, 0);
  const ready = isPageLoaded(address.pathname);
  if (ready && shown !== address) setShown(address);
  useEffect(() => {
    if (ready) return undefined;
    let current = true;
    void preloadPage(address.pathname).finally(() => {
      if (current) codeArrived();
    });
    return () => {
      current = false;
    };
  }, [address.pathname, ready]);
  return ready ? { shown: address, loading: false } : { shown, loading: true };
}

/**
 * The shell around the page the address names. A page that throws, or whose code cannot
 * load (offline, never opened on this phone), shows RouteError inside the shell, until the
 * next navigation. While the next page's code loads (a fraction of a second; from the
 * cache when offline), the page shown stays, marked busy.
 */
export function AppRoutes() {
  const { shown, loading } = useShownLocation();
  return (
    <RouteErrorBoundary fallback={<RouteError />}>
      <Shell loading={loading}>
        <RouteErrorBoundary fallback={<RouteError />} resetKey={shown.pathname}>
          <LocationHold location={loading ? shown : null}>
            <Suspense fallback={<div aria-busy="true" />}>
              <Switch location={shown.pathname}>
                {routes.map(({ path, Page, access }) => (
                  <Route key={path} path={path}>
                    {access ? (
                      <RequireAuth roles={access === SIGNED_IN ? undefined : access}>
                        <Page />
                      </RequireAuth>
                    ) : (
                      <Page />
                    )}
                  </Route>
                ))}
                <Route>
                  <NotFoundPage />
                </Route>
              </Switch>
            </Suspense>
          </LocationHold>
        </RouteErrorBoundary>
      </Shell>
    </RouteErrorBoundary>
  );
}
