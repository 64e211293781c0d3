import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import { Role } from '@rapport/shared';
import { LoginPage } from './modules/auth/components/LoginPage';
import { HomeRedirect, RequireAuth } from './modules/auth/components/RequireAuth';
import { SignOutPage } from './modules/auth/components/SignOutPage';
import { NotFoundPage } from './modules/shell/components/NotFoundPage';
import { BootShell } from './modules/shell/components/BootShell';
import { RouteError } from './modules/shell/components/RouteError';
import { Shell } from './modules/shell/components/Shell';

const MEMBERS = [Role.ORGANISER, Role.LEADER] as const;
const ORGANISERS = [Role.ORGANISER] as const;

/** A page loaded on first visit (its own chunk): /field never downloads the dashboard or its charts. */
function page(load: () => Promise<ComponentType>): Pick<RouteObject, 'lazy'> {
  return { lazy: async () => ({ Component: await load() }) };
}

export const routes: RouteObject[] = [
  {
    element: <Shell />,
    errorElement: <RouteError />,
    // While the first page's code loads (a fraction of a second; from the cache when offline):
    // the frame index.html painted first, unchanged.
    hydrateFallbackElement: <BootShell />,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          { index: true, element: <HomeRedirect /> },
          { path: 'login', element: <LoginPage /> },
          { path: 'logout', element: <SignOutPage /> },
          // Opened from an email, once: their code loads when followed.
          { path: 'invitation/:token', ...page(() => import('./modules/auth/components/AcceptInvitationPage').then((m) => m.AcceptInvitationPage)) },
          { path: 'reset-password', ...page(() => import('./modules/auth/components/ResetPasswordPages').then((m) => m.RequestPasswordResetPage)) },
          { path: 'reset-password/:token', ...page(() => import('./modules/auth/components/ResetPasswordPages').then((m) => m.ResetPasswordPage)) },
          {
            element: <RequireAuth roles={ORGANISERS} />,
            children: [
              { path: 'team', ...page(() => import('./modules/team/components/TeamPage').then((m) => m.TeamPage)) },
              { path: 'contacts/import', ...page(() => import('./modules/imports/components/ImportPages').then((m) => m.ImportPage)) },
              { path: 'contacts/import/:id', ...page(() => import('./modules/imports/components/ImportPages').then((m) => m.ImportJobPage)) },
            ],
          },
          {
            element: <RequireAuth roles={MEMBERS} />,
            children: [
              { path: 'campaigns', ...page(() => import('./modules/campaigns/components/CampaignsPage').then((m) => m.CampaignsPage)) },
              { path: 'campaigns/:id', ...page(() => import('./modules/campaigns/components/DashboardPage').then((m) => m.DashboardPage)) },
              { path: 'campaigns/:id/turf', ...page(() => import('./modules/turf/components/TurfPage').then((m) => m.TurfPage)) },
              { path: 'field', ...page(() => import('./modules/field/components/FieldPage').then((m) => m.FieldPage)) },
              { path: 'contacts', ...page(() => import('./modules/contacts/components/ContactsPage').then((m) => m.ContactsPage)) },
              {
                path: 'contacts/duplicates',
                ...page(() => import('./modules/contacts/components/DuplicatesPage').then((m) => m.DuplicatesPage)),
              },
              { path: 'contacts/new', ...page(() => import('./modules/contacts/components/NewContactPage').then((m) => m.NewContactPage)) },
              { path: 'contacts/:id', ...page(() => import('./modules/contacts/components/ContactPage').then((m) => m.ContactPage)) },
              { path: 'actions/:id', ...page(() => import('./modules/actions/components/ActionPage').then((m) => m.ActionPage)) },
              { path: 'actions/:id/check-in', ...page(() => import('./modules/actions/turnout/CheckInPage').then((m) => m.CheckInPage)) },
              {
                path: 'negotiations/:id/brief',
                ...page(() => import('./modules/negotiations/components/BriefPage').then((m) => m.BriefPage)),
              },
              { path: 'sessions', ...page(() => import('./modules/casework/components/SessionsPage').then((m) => m.SessionsPage)) },
              { path: 'sessions/:id', ...page(() => import('./modules/casework/components/SessionPage').then((m) => m.SessionPage)) },
              { path: 'cases', ...page(() => import('./modules/casework/components/MyCasesPage').then((m) => m.MyCasesPage)) },
              { path: 'membership', ...page(() => import('./modules/membership/components/MembershipPage').then((m) => m.MembershipPage)) },
              { path: 'receipts/:paymentId', ...page(() => import('./modules/membership/components/ReceiptPage').then((m) => m.ReceiptPage)) },
              {
                path: 'notifications',
                ...page(() => import('./modules/notifications/components/NotificationsPage').then((m) => m.NotificationsPage)),
              },
            ],
          },
          {
            element: <RequireAuth />,
            children: [
              { path: 'allies', ...page(() => import('./modules/allies/components/AlliesPage').then((m) => m.AlliesPage)) },
              { path: 'account', ...page(() => import('./modules/account/components/AccountPage').then((m) => m.AccountPage)) },
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];
