import { render } from '@testing-library/react';
import { MockLink } from '@apollo/client/testing';
import { navigate } from '../router';
import { Role } from '@rapport/shared';
import { createApolloClient } from '../apollo/client';
import { App } from '../App';
import type { Locale } from '../i18n';
import { MeQuery } from '../modules/auth/graphql/me';
import { OrgTimeZoneQuery } from '../modules/auth/graphql/orgTimeZone';
import { PossibleDuplicatesQuery } from '../modules/contacts/graphql/possibleDuplicates';
import { deviceTimeZone } from '../i18n/timeZone';
import { setSession } from '../modules/auth/session';
import { MyRemindersQuery } from '../modules/notifications/graphql/myReminders';

interface RenderAppOptions {
  mocks?: ReadonlyArray<MockLink.MockedResponse>;
  locale?: Locale;
}

/** What the shell asks for on every signed-in page, answered as many times as asked (tests' own mocks come first). */
export function shellMocks({ locale = null as string | null, orgLocale = 'fr', reminders = [] as unknown[] } = {}): MockLink.MockedResponse[] {
  return [
    {
      request: { query: MeQuery },
      maxUsageCount: Number.POSITIVE_INFINITY,
      result: {
        data: {
          me: { __typename: 'User', id: 'u1', displayName: 'Awa', role: Role.ORGANISER, locale },
          organization: { __typename: 'Organization', id: 'o1', name: "Si on s'alliait ?", locale: orgLocale },
        },
      },
    },
    {
      // The device's own zone: times are not labelled (i18n/timeZone.ts has its own test).
      request: { query: OrgTimeZoneQuery },
      maxUsageCount: Number.POSITIVE_INFINITY,
      result: { data: { organization: { __typename: 'Organization', id: 'o1', timezone: deviceTimeZone() } } },
    },
    {
      // New people typed in forms are looked up as duplicates: nobody known, unless a test says otherwise.
      request: { query: PossibleDuplicatesQuery, variables: () => true },
      maxUsageCount: Number.POSITIVE_INFINITY,
      result: { data: { contacts: { __typename: 'ContactConnection', edges: [] } } },
    },
    {
      request: { query: MyRemindersQuery },
      maxUsageCount: Number.POSITIVE_INFINITY,
      result: { data: { myReminders: reminders } },
    },
  ];
}

/** Signs a test user in (localStorage), as the sign-in form would. */
export function signInAs(role: Role, id = 'u1') {
  setSession({ token: `tok-${id}`, user: { id, email: 'awa@example.org', displayName: 'Awa', role } });
}

/** Where the app is (jsdom's own history, which the app's router reads), and a way to move it. */
export const router = {
  navigate,
  get state() {
    return { location: { pathname: window.location.pathname, search: window.location.search, state: window.history.state as unknown } };
  },
};

/** The whole app (routes, i18n, Apollo) at `path`, with the API replaced by a MockLink. */
export function renderApp(path: string, { mocks = [], locale }: RenderAppOptions = {}) {
  window.history.replaceState(null, '', path);
  const link = new MockLink([...mocks, ...shellMocks()], { showWarnings: false });
  const client = createApolloClient({
    terminatingLink: link,
    onUnauthenticated: () => void router.navigate('/login', { replace: true }),
  });
  const view = render(<App client={client} locale={locale} />);
  return { ...view, router, client, link };
}
