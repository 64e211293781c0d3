import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Role } from '@rapport/shared';
import { renderApp, signInAs } from '../../../test/renderApp';
import { SetMyLocaleMutation } from '../../auth/graphql/setMyLocale';

describe('the language switch', () => {
  it("records a signed-in member's choice on the API (setMyLocale), so it follows them", async () => {
    const user = userEvent.setup();
    const setMyLocale = vi.fn(() => ({ data: { setMyLocale: { __typename: 'User', id: 'u1', locale: 'en' } } }));
    signInAs(Role.ORGANISER);
    renderApp('/campaigns', { mocks: [{ request: { query: SetMyLocaleMutation, variables: { locale: 'en' } }, result: setMyLocale }] });
    await screen.findByRole('heading', { level: 1, name: 'Campagnes' });

    await user.click(screen.getByRole('button', { name: 'English' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Campaigns' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    await waitFor(() => expect(setMyLocale).toHaveBeenCalledTimes(1));
  });
});
