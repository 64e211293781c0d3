import { createContext, Suspense, useCallback, useContext, type ComponentType, type ReactNode } from 'react';
import type { ApolloClient } from '@apollo/client';
import { RouteErrorBoundary } from '../router';
import { useOnline } from '../modules/shell/useOnline';
import type * as ApolloModule from './provider';
import { loadOnce, type LoadOnce } from './load-once';

/**
 * Apollo Client (with graphql-js and rxjs, most of the app's JavaScript) is loaded with
 * the first page that asks the API for data, not with the app: the sign-in page, what a
 * phone on a weak signal opens first, starts without it. Every page loaded on demand
 * (routes.tsx) and the shell's parts that talk to the API are wrapped in `WithApollo`.
 */

/** The client of the ApolloProvider above, if any (the tests' App gives its own). */
export const ApolloClientContext = createContext<ApolloClient | null>(null);

let loaded: typeof ApolloModule | undefined;
let loading: Promise<typeof ApolloModule> | undefined;

/** Loads Apollo's code (once; again after a failure, e.g. back online). */
export function loadApollo(): Promise<typeof ApolloModule> {
  return (loading ??= import('./provider').then(
    (module) => (loaded = module),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  ));
}

const apolloCode = loadOnce(loadApollo);

/** The client, once Apollo's code is there: built now, in a task of its own, rather than inside the first render. */
export function startApolloClient(): void {
  loaded?.apolloClient();
}

/** Its children under Apollo's provider; suspends until Apollo's code is there (a load that failed is thrown to the error boundary). */
export function WithApollo({ children }: { children: ReactNode }) {
  if (useContext(ApolloClientContext)) return children;
  const { ApolloRoot } = apolloCode.read();
  return <ApolloRoot>{children}</ApolloRoot>;
}

/**
 * A component whose code loads on demand together with Apollo's, to render under Apollo's
 * provider: a page (routes.tsx) or a part of the shell (apiPart). Read while rendering.
 */
export function loadWithApollo(load: () => Promise<ComponentType>): LoadOnce<ComponentType> {
  return loadOnce(() =>
    Promise.all([load(), loadApollo()]).then(([Component]) => {
      const WithApi = () => (
        <WithApollo>
          <Component />
        </WithApollo>
      );
      return WithApi;
    }),
  );
}

/**
 * The client, for a component that uses it only when asked (a click): the provider's when
 * there is one, else loaded then (LocaleSwitch, shown on the sign-in page too).
 */
export function useClientWhenAsked(): () => Promise<ApolloClient> {
  const client = useContext(ApolloClientContext);
  return useCallback(() => (client ? Promise.resolve(client) : loadApollo().then((module) => module.apolloClient())), [client]);
}

/**
 * A part of the shell that talks to the API (the member's language, the reminders badge),
 * loaded on demand with Apollo's code: the sign-in page has none of it. Nothing shows
 * until it is there, or while it cannot come (offline, never loaded on this phone); it is
 * tried again when the app is back online. Its module is listed in scripts/route-files.mjs
 * (API_PARTS), so /field keeps it offline.
 */
export function apiPart(load: () => Promise<ComponentType>): ComponentType {
  const part = loadWithApollo(load);
  function Part() {
    // A failure is thrown once, to the boundary below (which shows nothing), and tried again when it resets.
    const Loaded = part.read();
    // eslint-disable-next-line react-hooks/static-components -- read() gives the one component loaded, at every render
    return <Loaded />;
  }
  function ApiPart() {
    // Back online, the boundary resets and the part is loaded again.
    const online = useOnline();
    return (
      <RouteErrorBoundary fallback={null} resetKey={String(online)}>
        <Suspense fallback={null}>
          <Part />
        </Suspense>
      </RouteErrorBoundary>
    );
  }
  return ApiPart;
}
