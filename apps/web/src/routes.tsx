import type { RouteObject } from 'react-router';
import { Role } from '@rapport/shared';
import { AlliesPage } from './modules/allies/components/AlliesPage';
import { LoginPage } from './modules/auth/components/LoginPage';
import { HomeRedirect, RequireAuth } from './modules/auth/components/RequireAuth';
import { SignOutPage } from './modules/auth/components/SignOutPage';
import { CampaignsPage } from './modules/campaigns/components/CampaignsPage';
import { NotFoundPage } from './modules/shell/components/NotFoundPage';
import { Shell } from './modules/shell/components/Shell';

const MEMBERS = [Role.ORGANISER, Role.LEADER] as const;

export const routes: RouteObject[] = [
  {
    element: <Shell />,
    children: [
      { index: true, element: <HomeRedirect /> },
      { path: 'login', element: <LoginPage /> },
      { path: 'logout', element: <SignOutPage /> },
      {
        element: <RequireAuth roles={MEMBERS} />,
        children: [{ path: 'campaigns', element: <CampaignsPage /> }],
      },
      {
        element: <RequireAuth />,
        children: [{ path: 'allies', element: <AlliesPage /> }],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
