import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadApollo, startApolloClient } from './apollo/lazy';
import { getSession } from './modules/auth/session';
import { Root } from './Root';
import { preloadPage } from './routes';
import { loadLocale, readStoredLocale } from './i18n';
import { registerServiceWorker } from './sw/register';
import './styles.css';

// A new task after the scripts' evaluation, so a phone's main thread is not held in one long
// block from the code's arrival to the first render (Lighthouse's "total blocking time"):
// a tap during start-up waits for one of the shorter tasks, not for all of them.
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

// Signed in, Apollo's code is wanted by whatever page comes (even `/`, whose redirect is not
// a page of its own): asked for at once, beside the entry's own files.
if (getSession()) void loadApollo().catch(() => undefined);

// The stored language's catalog (French is built in; English is one small file, cached
// offline) and the page's code (with Apollo's, when the page asks the API), before the first render: index.html's static frame stays
// on screen meanwhile, and the page then shows whole.
void Promise.all([loadLocale(readStoredLocale()).catch(() => undefined), preloadPage(window.location.pathname), nextTask()])
  // A page whose code failed to load renders anyway: the route shows its error inside the shell.
  .catch(() => undefined)
  .then(() => {
    // The page's Apollo client, if it needs one (its code came with the page's).
    startApolloClient();
    return nextTask();
  })
  .then(() => {
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <Root />
      </StrictMode>,
    );
  });

registerServiceWorker();
