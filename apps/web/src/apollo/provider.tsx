import type { ReactNode } from 'react';
import type { ApolloClient } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { navigate } from '../router';
import { createApolloClient } from './client';
import { ApolloClientContext } from './lazy';

// Loaded on demand (lazy.tsx): this module and what it imports make Apollo's chunk.

let client: ApolloClient | undefined;

/** The app's one client (one cache for every page), made on first use. */
export function apolloClient(): ApolloClient {
  return (client ??= createApolloClient({
    onUnauthenticated: () => {
      if (window.location.pathname !== '/login') navigate('/login', { replace: true });
    },
  }));
}

export function ApolloRoot({ children }: { children: ReactNode }) {
  const client = apolloClient();
  return (
    <ApolloProvider client={client}>
      <ApolloClientContext.Provider value={client}>{children}</ApolloClientContext.Provider>
    </ApolloProvider>
  );
}
