import type { ApolloClient } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { AppRouter } from './router';
import { AppRoutes } from './routes';
import { I18nProvider, type Locale } from './i18n';

interface AppProps {
  client: ApolloClient;
  locale?: Locale;
}

export function App({ client, locale }: AppProps) {
  return (
    <I18nProvider initialLocale={locale}>
      <ApolloProvider client={client}>
        <AppRouter>
          <AppRoutes />
        </AppRouter>
      </ApolloProvider>
    </I18nProvider>
  );
}
