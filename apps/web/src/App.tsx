import type { ApolloClient } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import type { DataRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { I18nProvider, type Locale } from './i18n';

interface AppProps {
  client: ApolloClient;
  router: DataRouter;
  locale?: Locale;
}

export function App({ client, router, locale }: AppProps) {
  return (
    <I18nProvider initialLocale={locale}>
      <ApolloProvider client={client}>
        <RouterProvider router={router} />
      </ApolloProvider>
    </I18nProvider>
  );
}
