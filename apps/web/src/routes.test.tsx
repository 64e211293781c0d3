import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Role } from '@rapport/shared';
import { SignOutMutation } from './modules/auth/graphql/signOut';
import { setSession, TOKEN_STORAGE_KEY } from './modules/auth/session';
import { preloadPage, routes } from './routes';
import { renderApp } from './test/renderApp';

function signIn(role: Role) {
  setSession({ token: 'tok', user: { id: 'u1', email: 'a@example.org', displayName: 'Awa', role } });
}

describe('routes', () => {
  it.each(['/campaigns', '/allies', '/'])('sends a signed-out visitor from %s to /login', async (path) => {
    const { router } = renderApp(path);
    expect(await screen.findByRole('heading', { level: 1, name: 'Connexion' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/login');
  });

  it('shows the campaigns shell to a member, with a sign-out link', async () => {
    signIn(Role.LEADER);
    renderApp('/campaigns');
    expect(await screen.findByRole('heading', { level: 1, name: 'Campagnes' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Se déconnecter' }).getAttribute('href')).toBe('/logout');
    expect(document.title).toBe('Campagnes · Rapport');
  });

  it.each(['/campaigns', '/field', '/contacts', '/notifications', '/negotiations/n1/brief'])('keeps an ally out of the members-only page %s', async (path) => {
    signIn(Role.ALLY);
    const { router } = renderApp(path);
    // Told why, not bounced without a word; the way to their own space is one tap away.
    expect(await screen.findByRole('heading', { level: 1, name: 'Cette page est réservée à l’équipe' })).toBeTruthy();
    expect(screen.getByText(/coordonnées et les notes des personnes rencontrées/)).toBeTruthy();
    expect(router.state.location.pathname).toBe(path);
    expect(screen.getByRole('link', { name: 'Aller à l’espace allié·es' }).getAttribute('href')).toBe('/allies');
    expect(screen.queryByRole('link', { name: 'Campagnes' })).toBeNull();
    expect(screen.queryByRole('link', { name: /Terrain/ })).toBeNull();
  });

  it('sends a signed-in user away from /login to their home', async () => {
    signIn(Role.ORGANISER);
    const { router } = renderApp('/login');
    expect(await screen.findByRole('heading', { level: 1, name: 'Campagnes' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/campaigns');
  });

  it('gives members the whole navigation', async () => {
    signIn(Role.ORGANISER);
    renderApp('/campaigns');
    const nav = await screen.findByRole('navigation', { name: 'Navigation principale' });
    for (const name of ['Campagnes', 'Terrain', 'Contacts', 'Rappels', 'Allié·es']) {
      expect(within(nav).getByRole('link', { name })).toBeTruthy();
    }
  });

  it('shows a not-found page inside the shell for unknown routes', () => {
    renderApp('/nowhere/at/all');
    expect(screen.getByRole('heading', { level: 1, name: 'Page introuvable' })).toBeTruthy();
    expect(screen.getByRole('banner')).toBeTruthy();
    expect(screen.getByRole('main')).toBeTruthy();
  });

  it('signs out: revokes the token, forgets it, back to /login', async () => {
    signIn(Role.ORGANISER);
    const user = userEvent.setup();
    const { router } = renderApp('/campaigns', {
      mocks: [{ request: { query: SignOutMutation }, result: { data: { signOut: true } } }],
    });

    await user.click(await screen.findByRole('link', { name: 'Se déconnecter' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Connexion' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/login');
    expect(localStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
  });

  it('has a skip link to the main content', () => {
    renderApp('/login');
    expect(screen.getByRole('link', { name: 'Aller au contenu' }).getAttribute('href')).toBe('#main');
    expect(document.getElementById('main')?.tagName).toBe('MAIN');
  });

  it('keeps the page shown, marked busy, while the code of the next page loads: the screen never blanks', async () => {
    signIn(Role.ORGANISER);
    renderApp('/campaigns');
    expect(await screen.findByRole('heading', { level: 1, name: 'Campagnes' })).toBeTruthy();
    const main = screen.getByRole('main');
    let sawBusy = false;
    let sawEmpty = false;
    const watch = new MutationObserver(() => {
      sawBusy ||= main.getAttribute('aria-busy') === 'true';
      sawEmpty ||= !main.querySelector('h1');
    });
    watch.observe(main, { attributes: true, childList: true, subtree: true });
    // /account's code has not been loaded in this file: it arrives after the click.
    await userEvent.click(within(screen.getByRole('navigation', { name: 'Navigation principale' })).getByRole('link', { name: 'Mon compte' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Mon compte' })).toBeTruthy();
    watch.disconnect();
    expect(sawBusy).toBe(true);
    expect(sawEmpty).toBe(false);
    expect(main.getAttribute('aria-busy')).toBeNull();
  });

  it('does not fetch the code of a page a visitor is sent away from: they go to sign in at once', async () => {
    const receipt = routes.find(({ path }) => path === '/receipts/:paymentId')!.Page;
    await preloadPage('/receipts/p1');
    expect(receipt.isLoaded?.()).toBe(false);
    signIn(Role.ALLY);
    await preloadPage('/receipts/p1');
    expect(receipt.isLoaded?.()).toBe(false);
    signIn(Role.LEADER);
    await preloadPage('/receipts/p1');
    expect(receipt.isLoaded?.()).toBe(true);
  });

  it('is not left busy when the first page shown still had its code to load', async () => {
    signIn(Role.ORGANISER);
    // renderApp does not preload the page, as main.tsx does: its code arrives after the first render.
    renderApp('/membership');
    expect(await screen.findByRole('heading', { level: 1, name: 'Adhésions' })).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('main').getAttribute('aria-busy')).toBeNull());
  });
});
