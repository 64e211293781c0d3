import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApolloClient } from './apollo/client';
import { App } from './App';
import { preloadPage } from './routes';
import { loadLocale, readStoredLocale } from './i18n';
import { navigate } from './router';
import { registerServiceWorker } from './sw/register';
import './styles.css';

const client = createApolloClient({
  onUnauthenticated: () => {
    if (window.location.pathname !== '/login') navigate('/login', { replace: true });
  },
});

// The stored language's catalog (French is built in; English is one small file, cached
// offline) and the page's code, before the first render: index.html's static frame stays
// on screen meanwhile, and the page then shows whole.
void Promise.all([loadLocale(readStoredLocale()).catch(() => undefined), preloadPage(window.location.pathname)]).finally(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App client={client} />
    </StrictMode>,
  );
});

registerServiceWorker();
