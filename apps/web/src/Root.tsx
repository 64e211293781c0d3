import { AppRouter } from './router';
import { AppRoutes } from './routes';
import { I18nProvider, type Locale } from './i18n';

/** The app without Apollo: each page loaded on demand brings it (apollo/lazy.tsx). */
export function Root({ locale }: { locale?: Locale }) {
  return (
    <I18nProvider initialLocale={locale}>
      <AppRouter>
        <AppRoutes />
      </AppRouter>
    </I18nProvider>
  );
}
