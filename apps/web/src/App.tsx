import type { ApolloClient } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { ApolloClientContext } from './apollo/lazy';
import { Root } from './Root';
import type { Locale } from './i18n';

interface AppProps {
  client: ApolloClient;
  locale?: Locale;
}

/** The app on a client of the caller's (the tests' MockLink): every page uses it, none loads Apollo's own. */
export function App({ client, locale }: AppProps) {
  return (
    <ApolloProvider client={client}>
      <ApolloClientContext.Provider value={client}>
        <Root locale={locale} />
      </ApolloClientContext.Provider>
    </ApolloProvider>
  );
}
