import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router';
import { createApolloClient } from './apollo/client';
import { App } from './App';
import { routes } from './routes';
import { loadLocale, readStoredLocale } from './i18n';
import { registerServiceWorker } from './sw/register';
import './styles.css';

const router = createBrowserRouter(routes);
const client = createApolloClient({
  onUnauthenticated: () => {
    if (router.state.location.pathname !== '/login') void router.navigate('/login', { replace: true });
  },
});

// The stored language's catalog first (French is built in; English is one small file, cached offline).
void loadLocale(readStoredLocale())
  .catch(() => undefined)
  .finally(() => {
    const root = createRoot(document.getElementById('root')!);
    // As a transition, the first render yields to the browser every few milliseconds
    // instead of holding a slow phone's main thread in one long task; index.html's
    // static frame stays on screen meanwhile.
    startTransition(() =>
      root.render(
        <StrictMode>
          <App client={client} router={router} />
        </StrictMode>,
      ),
    );
  });

registerServiceWorker();
