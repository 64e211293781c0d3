import { createContext, Suspense, useCallback, useContext, type ComponentType, type ReactNode } from 'react';
import type { ApolloClient } from '@apollo/client';
import { RouteErrorBoundary } from '../router';
import { useOnline } from '../modules/shell/useOnline';
import type * as ApolloModule from './provider';

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
let failure: { error: unknown } | undefined;

/** Loads Apollo's code (once; again after a failure, e.g. back online). */
export function loadApollo(): Promise<typeof ApolloModule> {
  if (!loading) failure = undefined;
  return (loading ??= import('./provider').then(
    (module) => (loaded = module),
    (error: unknown) => {
      failure = { error };
      loading = undefined;
      throw error;
    },
  ));
}

/** The client, once Apollo's code is there: built now, in a task of its own, rather than inside the first render. */
export function startApolloClient(): void {
  loaded?.apolloClient();
}

/** Its children under Apollo's provider; suspends until Apollo's code is there (a load that failed is thrown to the error boundary). */
export function WithApollo({ children }: { children: ReactNode }) {
  if (useContext(ApolloClientContext)) return children;
  if (!loaded) {
    if (failure) {
      const { error } = failure;
      // Thrown once, as a page's failed code is (routes.tsx): the next render tries again.
      // eslint-disable-next-line react-hooks/globals
      failure = undefined;
      throw error;
    }
    throw loadApollo();
  }
  const { ApolloRoot } = loaded;
  return <ApolloRoot>{children}</ApolloRoot>;
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
  let Loaded: ComponentType | undefined;
  let loadingPart: Promise<void> | undefined;
  let partFailure: { error: unknown } | undefined;
  const preload = () =>
    (loadingPart ??= Promise.all([load(), loadApollo()]).then(
      ([component]) => void (Loaded = component),
      (error: unknown) => {
        partFailure = { error };
        loadingPart = undefined;
      },
    ));
  function Part() {
    if (Loaded) return <WithApollo>{<Loaded />}</WithApollo>;
    if (partFailure) {
      const { error } = partFailure;
      // Thrown once, to the boundary below (which shows nothing); tried again when it resets.
      // eslint-disable-next-line react-hooks/globals
      partFailure = undefined;
      throw error;
    }
    throw preload();
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
