import { describe, expect, it } from 'vitest';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState, type ReactNode } from 'react';
import { I18nProvider } from './i18n';
import { RouteError } from './modules/shell/components/RouteError';
import { AppRouter, Link, LocationHold, NavLink, navigate, Route, RouteErrorBoundary, Switch, useBlocker, useLocation, useSearchParams } from './router';

// What src/router.tsx adds to wouter (the pages' own tests go through it too, via renderApp).

function at(path: string) {
  window.history.replaceState(null, '', path);
}

/** A brief-like page at /brief: "Modifier" makes it dirty, and a dirty page holds leaving it. */
function Editor() {
  const [dirty, setDirty] = useState(false);
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname);
  return (
    <>
      <button type="button" onClick={() => setDirty(true)}>
        Modifier
      </button>
      {blocker.state === 'blocked' ? (
        <div role="alertdialog" aria-label="Quitter ?">
          <button type="button" onClick={blocker.reset}>
            Rester
          </button>
          <button type="button" onClick={blocker.proceed}>
            Quitter
          </button>
        </div>
      ) : null}
    </>
  );
}

/** The Editor at /brief, "Ailleurs" everywhere else; `before` is rendered above them. */
function renderBrief(before?: ReactNode) {
  render(
    <AppRouter>
      {before}
      <Switch>
        <Route path="/brief">
          <Editor />
        </Route>
        <Route>
          <p>Ailleurs</p>
        </Route>
      </Switch>
    </AppRouter>,
  );
}

/** On the Editor made dirty, Back is held (the page and its edits stay), then "Quitter" goes back to /contacts. */
async function editThenGoBackAndLeave(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('button', { name: 'Modifier' }));
  act(() => window.history.back());
  const leave = await screen.findByRole('button', { name: 'Quitter' });
  // The move is undone: still on the page, its edits with it.
  await waitFor(() => expect(window.location.pathname).toBe('/brief'));
  expect(screen.getByRole('button', { name: 'Modifier' })).toBeTruthy();
  await user.click(leave);
  expect(await screen.findByText('Ailleurs')).toBeTruthy();
  expect(window.location.pathname).toBe('/contacts');
}

describe('the router', () => {
  it('marks a navigation link as the current page on its page and the pages under it, with a real href', () => {
    at('/contacts/k1');
    render(
      <AppRouter>
        <NavLink to="/contacts">Contacts</NavLink>
        <NavLink to="/campaigns">Campagnes</NavLink>
      </AppRouter>,
    );
    const contacts = screen.getByRole('link', { name: 'Contacts' });
    expect(contacts.getAttribute('href')).toBe('/contacts');
    expect(contacts.getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('link', { name: 'Campagnes' }).getAttribute('aria-current')).toBeNull();
  });

  it('keeps the state a navigation carries, and the search', async () => {
    at('/');
    function Where() {
      const location = useLocation();
      return <p>{`${location.pathname}${location.search} ${JSON.stringify(location.state)}`}</p>;
    }
    render(
      <AppRouter>
        <Where />
      </AppRouter>,
    );
    expect(screen.getByText('/ null')).toBeTruthy();
    act(() => navigate('/contacts?search=fatou', { state: { erased: true } }));
    expect(await screen.findByText('/contacts?search=fatou {"erased":true}')).toBeTruthy();
  });

  it('holds an in-app navigation while a page blocks it: staying keeps the page, leaving goes on', async () => {
    at('/brief');
    const user = userEvent.setup();
    renderBrief(<Link to="/contacts">Contacts</Link>);

    // Nothing changed: the link just goes.
    await user.click(screen.getByRole('link', { name: 'Contacts' }));
    expect(await screen.findByText('Ailleurs')).toBeTruthy();
    act(() => navigate('/brief'));
    await user.click(await screen.findByRole('button', { name: 'Modifier' }));

    await user.click(screen.getByRole('link', { name: 'Contacts' }));
    await user.click(await screen.findByRole('button', { name: 'Rester' }));
    expect(window.location.pathname).toBe('/brief');
    expect(screen.queryByRole('alertdialog')).toBeNull();

    await user.click(screen.getByRole('link', { name: 'Contacts' }));
    await user.click(await screen.findByRole('button', { name: 'Quitter' }));
    expect(await screen.findByText('Ailleurs')).toBeTruthy();
    expect(window.location.pathname).toBe('/contacts');
  });

  it('holds the back button too while a page blocks: the page stays, or goes back on leaving', async () => {
    at('/');
    const user = userEvent.setup();
    renderBrief();
    act(() => navigate('/contacts'));
    act(() => navigate('/brief'));
    await editThenGoBackAndLeave(user);
  });

  it('a link to the page already shown adds no history entry: Back leaves the page', async () => {
    at('/');
    render(
      <AppRouter>
        <Link to="/field">Terrain</Link>
      </AppRouter>,
    );
    act(() => navigate('/field'));
    act(() => screen.getByRole('link', { name: 'Terrain' }).click());
    expect(window.location.pathname).toBe('/field');
    act(() => window.history.back());
    await waitFor(() => expect(window.location.pathname).toBe('/'));
  });

  it('holds a back move across an entry a #fragment link made (the skip link)', async () => {
    at('/');
    const user = userEvent.setup();
    renderBrief();
    act(() => navigate('/contacts'));
    // The skip link: the browser adds /contacts#main itself.
    act(() => {
      window.location.hash = 'main';
    });
    await waitFor(() => expect(window.history.state).toMatchObject({ idx: expect.any(Number) }));
    act(() => navigate('/brief'));
    await editThenGoBackAndLeave(user);
    expect(window.location.hash).toBe('#main');
  });

  it('shows RouteError in place of a page whose code cannot load, until the next page', async () => {
    at('/turf');
    function Unloadable(): never {
      throw new TypeError('Failed to fetch dynamically imported module: /assets/TurfPage.js');
    }
    function Page() {
      const { pathname } = useLocation();
      return (
        <RouteErrorBoundary fallback={<RouteError />} resetKey={pathname}>
          <Switch>
            <Route path="/turf">
              <Unloadable />
            </Route>
            <Route>
              <h1>Terrain</h1>
            </Route>
          </Switch>
        </RouteErrorBoundary>
      );
    }
    render(
      <I18nProvider initialLocale="fr">
        <AppRouter>
          <Page />
        </AppRouter>
      </I18nProvider>,
    );
    expect((await screen.findByRole('alert')).textContent).toContain('hors ligne');
    act(() => navigate('/field'));
    expect(await screen.findByRole('heading', { name: 'Terrain' })).toBeTruthy();
  });

  it('reads and writes the query string as typed: a search for "%41" stays "%41", not "A"', async () => {
    at('/contacts?search=%2541');
    function Search() {
      const [params, setParams] = useSearchParams();
      const { search } = useLocation();
      return (
        <>
          <p>
            {params.get('search')} | {search}
          </p>
          <button type="button" onClick={() => setParams({ search: '50% & plus' })}>
            Chercher
          </button>
        </>
      );
    }
    render(
      <AppRouter>
        <Search />
      </AppRouter>,
    );
    expect(screen.getByText('%41 | ?search=%2541')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Chercher' }));
    expect(await screen.findByText('50% & plus | ?search=50%25+%26+plus')).toBeTruthy();
    expect(window.location.pathname + window.location.search).toBe('/contacts?search=50%25+%26+plus');
  });

  it('lets a page still shown after the address changed read, and change, its own address', async () => {
    // The address already names the next page (its code loading); the contacts page is still shown.
    at('/campaigns/c1');
    function Contacts() {
      const [params, setParams] = useSearchParams();
      return (
        <button type="button" onClick={() => setParams({ search: `${params.get('search')}+` })}>
          {`${useLocation().pathname} ${params.get('search')}`}
        </button>
      );
    }
    render(
      <AppRouter>
        <LocationHold location={{ pathname: '/contacts', search: '?search=awa', state: null }}>
          <Contacts />
        </LocationHold>
      </AppRouter>,
    );
    await userEvent.click(screen.getByRole('button', { name: '/contacts awa' }));
    expect(window.location.pathname + window.location.search).toBe('/contacts?search=awa%2B');
  });
});
