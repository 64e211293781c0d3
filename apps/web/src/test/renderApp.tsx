import { render } from '@testing-library/react';
import { MockLink } from '@apollo/client/testing';
import { createMemoryRouter } from 'react-router';
import { createApolloClient } from '../apollo/client';
import { App } from '../App';
import { routes } from '../routes';

interface RenderAppOptions {
  mocks?: ReadonlyArray<MockLink.MockedResponse>;
}

/** The whole app (routes, i18n, Apollo) at `path`, with the API replaced by a MockLink. */
export function renderApp(path: string, { mocks = [] }: RenderAppOptions = {}) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const client = createApolloClient({
    terminatingLink: new MockLink(mocks),
    onUnauthenticated: () => void router.navigate('/login', { replace: true }),
  });
  const view = render(<App client={client} router={router} />);
  return { ...view, router, client };
}
