import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Role } from '@rapport/shared';
import { renderApp, shellMocks } from '../../../test/renderApp';
import { TOKEN_STORAGE_KEY } from '../session';

const EMAIL = 'awa@villejean.example';
const PASSWORD = 'correct horse battery';

function signInAnswer(role: Role, token = 'tok-123', locale: string | null = null, orgLocale = 'fr') {
  return {
    data: {
      signIn: {
        __typename: 'AuthPayload',
        token,
        user: { __typename: 'User', id: 'u1', email: EMAIL, displayName: 'Awa', role, locale },
        organization: { __typename: 'Organization', id: 'o1', name: "Si on s'alliait", locale: orgLocale },
      },
    },
  };
}

/**
 * The API's answer to the sign-in, which the page sends with fetch (it starts without
 * Apollo Client): returns what was sent to /graphql, to check after.
 */
function answerSignIn(answer: object | Error | Response): Array<{ url: string; body: { query: string; variables: unknown } }> {
  const sent: Array<{ url: string; body: { query: string; variables: unknown } }> = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      if (url !== '/graphql') return new Response(null, { status: 404 });
      sent.push({ url, body: JSON.parse(String(init?.body)) });
      if (answer instanceof Error) throw answer;
      if (answer instanceof Response) return answer;
      return new Response(JSON.stringify(answer), { status: 200, headers: { 'content-type': 'application/json' } });
    }),
  );
  return sent;
}

const signInSent = (sent: ReturnType<typeof answerSignIn>) => {
  expect(sent).toHaveLength(1);
  expect(sent[0]!.body.query).toMatch(/^mutation SignIn\b/);
  expect(sent[0]!.body.variables).toEqual({ email: EMAIL, password: PASSWORD });
};

afterEach(() => {
  vi.unstubAllGlobals();
});

async function fillAndSubmit() {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('Adresse e-mail'), EMAIL);
  await user.type(screen.getByLabelText('Mot de passe'), PASSWORD);
  await user.click(screen.getByRole('button', { name: 'Se connecter' }));
}

describe('LoginForm', () => {
  it('renders in French by default, every input labelled', () => {
    const { container } = renderApp('/login');

    expect(document.documentElement.lang).toBe('fr');
    expect(screen.getByRole('heading', { level: 1, name: 'Connexion' })).toBeTruthy();
    const email = screen.getByLabelText('Adresse e-mail');
    const password = screen.getByLabelText('Mot de passe');
    expect(email).toBe(container.querySelector('input[name=email]'));
    expect(password).toBe(container.querySelector('input[name=password]'));
    expect(email.getAttribute('type')).toBe('email');
    expect(password.getAttribute('type')).toBe('password');
    for (const input of container.querySelectorAll('input')) {
      expect(input.labels?.length, `input[name=${input.name}] has a label`).toBe(1);
    }
    expect(screen.getByRole('button', { name: 'Se connecter' }).getAttribute('type')).toBe('submit');
  });

  it('signs a member in: stores the token and goes to /campaigns', async () => {
    const sent = answerSignIn(signInAnswer(Role.ORGANISER));
    const { router } = renderApp('/login');

    await fillAndSubmit();

    expect(await screen.findByRole('heading', { level: 1, name: 'Campagnes' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/campaigns');
    expect(localStorage.getItem(TOKEN_STORAGE_KEY)).toBe('tok-123');
    expect(screen.getByRole('link', { name: 'Se déconnecter' })).toBeTruthy();
    signInSent(sent);
  });

  it('sends an ally to /allies', async () => {
    answerSignIn(signInAnswer(Role.ALLY, 'tok-ally'));
    const { router } = renderApp('/login');

    await fillAndSubmit();

    expect(await screen.findByRole('heading', { level: 1, name: 'Espace allié·es' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/allies');
    expect(localStorage.getItem(TOKEN_STORAGE_KEY)).toBe('tok-ally');
  });

  it("shows the API's error message next to the form and stays on /login", async () => {
    answerSignIn({ errors: [{ message: 'Adresse e-mail ou mot de passe incorrect.', extensions: { code: 'UNAUTHENTICATED' } }], data: null });
    const { router } = renderApp('/login');

    await fillAndSubmit();

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Adresse e-mail ou mot de passe incorrect.')).toBeTruthy();
    expect(alert.closest('form')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/login');
    expect(localStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
    expect(screen.getByLabelText('Adresse e-mail').getAttribute('aria-invalid')).toBe('true');
    // The button is usable again for another try.
    expect((screen.getByRole('button', { name: 'Se connecter' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('explains a network failure in the chosen language', async () => {
    answerSignIn(new TypeError('Failed to fetch'));
    renderApp('/login');

    await fillAndSubmit();

    expect(await screen.findByText(/Le serveur ne répond pas/)).toBeTruthy();
  });

  it("says the server does not answer when what answers is not Rapport (a gateway's 502), and marks the app offline", async () => {
    answerSignIn(new Response('<html>Bad gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } }));
    renderApp('/login');

    await fillAndSubmit();

    expect(await screen.findByText(/Le serveur ne répond pas/)).toBeTruthy();
    expect(localStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
    expect(await screen.findByText('Hors ligne')).toBeTruthy();
  });

  it("speaks the member's language after sign-in: theirs, else the organisation's", async () => {
    answerSignIn(signInAnswer(Role.ORGANISER, 'tok-en', 'en'));
    const { router } = renderApp('/login', { mocks: shellMocks({ locale: 'en' }) });

    await fillAndSubmit();

    expect(await screen.findByRole('heading', { level: 1, name: 'Campaigns' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/campaigns');
    expect(document.documentElement.lang).toBe('en');
    // The shell asked the API again (me.locale): still English.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(document.documentElement.lang).toBe('en');
  });

  it("follows the organisation's language when the member chose none", async () => {
    localStorage.setItem('rapport.locale', 'en');
    answerSignIn(signInAnswer(Role.ALLY, 'tok-fr', null, 'fr'));
    renderApp('/login');
    expect(screen.getByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy();

    await userEvent.setup().type(screen.getByLabelText('Email address'), EMAIL);
    await userEvent.setup().type(screen.getByLabelText('Password'), PASSWORD);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Espace allié·es' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('fr');
  });

  it('switches to English, remembers the choice and sets <html lang>', async () => {
    const user = userEvent.setup();
    renderApp('/login');

    await user.click(screen.getByRole('button', { name: 'English' }));

    expect(screen.getByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy();
    expect(screen.getByLabelText('Email address')).toBeTruthy();
    expect(screen.getByLabelText('Password')).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('rapport.locale')).toBe('en');
  });
});
