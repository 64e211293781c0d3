/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": typeof types.ChangePasswordDocument,
    "\n  mutation SignOutEverywhere {\n    signOutEverywhere\n  }\n": typeof types.SignOutEverywhereDocument,
    "\n  mutation AcceptInvitation($token: String!, $password: String!, $displayName: String) {\n    acceptInvitation(token: $token, password: $password, displayName: $displayName) {\n      token\n      user {\n        id\n        email\n        displayName\n        role\n        locale\n      }\n      organization {\n        id\n        name\n        locale\n      }\n    }\n  }\n": typeof types.AcceptInvitationDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": typeof types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword) {\n      token\n      user {\n        id\n        email\n        displayName\n        role\n        locale\n      }\n      organization {\n        id\n        name\n        locale\n      }\n    }\n  }\n": typeof types.ResetPasswordDocument,
    "\n  query AllyPortal {\n    upcomingActions(first: 20) {\n      id\n      title\n      kind\n      startsAt\n      location\n      committedCount\n      campaign {\n        id\n        name\n      }\n    }\n    winsToCelebrate {\n      id\n      title\n      wonAt\n      size\n      campaign {\n        id\n        name\n      }\n    }\n    campaigns {\n      id\n      name\n      stage\n    }\n    calendarFeedUrl\n  }\n": typeof types.AllyPortalDocument,
    "\n  query Me {\n    me {\n      id\n      displayName\n      role\n      locale\n    }\n    organization {\n      id\n      name\n      locale\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation SetMyLocale($locale: String) {\n    setMyLocale(locale: $locale) {\n      id\n      locale\n    }\n  }\n": typeof types.SetMyLocaleDocument,
    "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      token\n      user {\n        id\n        email\n        displayName\n        role\n        locale\n      }\n      organization {\n        id\n        name\n        locale\n      }\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": typeof types.SignOutDocument,
    "\n  query CampaignDashboard($campaignId: ID!) {\n    campaignProgress(campaignId: $campaignId) {\n      campaign {\n        id\n        name\n        goal\n        startedAt\n        stageHistory {\n          stage\n          enteredAt\n          note\n        }\n        negotiations {\n          id\n          scheduledAt\n          status\n          decisionMakers {\n            id\n            name\n          }\n        }\n      }\n      stage\n      daysInStage\n      doorsKnocked\n      conversationsHeld\n      oneToOnes\n      contactsReached\n      leadersIdentified\n      topIssues {\n        issue {\n          id\n          name\n        }\n        mentions\n        contacts\n        averageIntensity\n      }\n      demandsByStatus {\n        status\n        count\n      }\n      upcomingActions {\n        id\n        title\n        kind\n        startsAt\n        location\n        turnoutGoal\n        committedCount\n        visibility\n      }\n      commitmentsByStatus {\n        status\n        count\n      }\n      decisionMakerCommitmentsByStatus {\n        status\n        count\n      }\n      overdueFollowUps\n      wins {\n        id\n        title\n        wonAt\n        size\n        celebrated\n      }\n      conversationsPerWeek {\n        weekStart\n        count\n      }\n    }\n  }\n": typeof types.CampaignDashboardDocument,
    "\n  query Campaigns {\n    campaigns {\n      id\n      name\n      goal\n      stage\n      startedAt\n    }\n  }\n": typeof types.CampaignsDocument,
    "\n  query ListeningReport($campaignId: ID!) {\n    listeningReport(campaignId: $campaignId) {\n      issue {\n        id\n        name\n      }\n      mentions\n      contacts\n      averageIntensity\n    }\n  }\n": typeof types.ListeningReportDocument,
    "\n  query Contact($id: ID!) {\n    contact(id: $id) {\n      id\n      firstName\n      lastName\n      phone\n      email\n      street\n      building\n      postalCode\n      city\n      neighbourhood\n      languages\n      allyRoles\n      isLeader\n      tags\n      consentGivenAt\n      createdAt\n      conversations {\n        id\n        kind\n        outcome\n        occurredAt\n        street\n        building\n        door\n        interestLevel\n        leadershipPotential\n        selfInterest\n        followUpAt\n        notes\n        campaign {\n          id\n          name\n        }\n        issues {\n          issue {\n            id\n            name\n          }\n          intensity\n          quote\n        }\n      }\n      commitments {\n        id\n        description\n        dueAt\n        status\n        resolvedAt\n        campaign {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.ContactDocument,
    "\n  query Contacts($filter: ContactFilter, $first: Int, $after: String) {\n    contacts(filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          firstName\n          lastName\n          phone\n          email\n          street\n          building\n          neighbourhood\n          allyRoles\n          isLeader\n          tags\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n": typeof types.ContactsDocument,
    "\n  mutation EraseContact($contactId: ID!) {\n    eraseContact(contactId: $contactId)\n  }\n": typeof types.EraseContactDocument,
    "\n  mutation ExportContactData($contactId: ID!) {\n    exportContactData(contactId: $contactId)\n  }\n": typeof types.ExportContactDataDocument,
    "\n  query SearchContacts($search: String!, $first: Int) {\n    contacts(filter: { search: $search }, first: $first) {\n      edges {\n        node {\n          id\n          firstName\n          lastName\n          phone\n          street\n          building\n        }\n      }\n    }\n  }\n": typeof types.SearchContactsDocument,
    "\n  query FieldOptions {\n    campaigns {\n      id\n      name\n      stage\n    }\n    issues {\n      id\n      name\n    }\n  }\n": typeof types.FieldOptionsDocument,
    "\n  mutation LogConversation($input: LogConversationInput!) {\n    logConversation(input: $input) {\n      id\n      clientId\n      occurredAt\n      outcome\n    }\n  }\n": typeof types.LogConversationDocument,
    "\n  fragment BriefFields on NegotiationBrief {\n    negotiation {\n      id\n      scheduledAt\n      status\n      campaign {\n        id\n        name\n        demands {\n          id\n          title\n          status\n          target {\n            id\n            name\n          }\n        }\n      }\n      decisionMakers {\n        id\n        name\n        title\n        institution\n      }\n    }\n    objective\n    demands {\n      id\n      title\n      status\n    }\n    ourLeverage\n    theirInterests\n    fallback\n    ifNoAgreement\n    arguments {\n      kind\n      text\n    }\n    roles {\n      role\n      contact {\n        id\n        firstName\n        lastName\n      }\n    }\n    testimonies {\n      issue {\n        id\n        name\n      }\n      intensity\n      quote\n    }\n    decisionMakerHistory {\n      id\n      description\n      dueAt\n      status\n      resolvedAt\n      decisionMaker {\n        id\n        name\n      }\n    }\n  }\n": typeof types.BriefFieldsFragmentDoc,
    "\n  query NegotiationBrief($negotiationId: ID!) {\n    negotiationBrief(negotiationId: $negotiationId) {\n      ...BriefFields\n    }\n  }\n": typeof types.NegotiationBriefDocument,
    "\n  mutation UpdateBrief($negotiationId: ID!, $input: BriefInput!) {\n    updateBrief(negotiationId: $negotiationId, input: $input) {\n      ...BriefFields\n    }\n  }\n": typeof types.UpdateBriefDocument,
    "\n  query MyReminders {\n    myReminders {\n      id\n      kind\n      remindAt\n      status\n      sentAt\n      attempts\n    }\n  }\n": typeof types.MyRemindersDocument,
    "\n  query Team {\n    members {\n      id\n      email\n      displayName\n      role\n    }\n    invitations {\n      id\n      email\n      displayName\n      role\n      expiresAt\n      invitedBy {\n        id\n        displayName\n      }\n    }\n    reminderHealth {\n      pending\n      overdue\n      failed\n      sentLast7Days\n    }\n    failedReminders {\n      id\n      kind\n      remindAt\n      lastError\n    }\n  }\n": typeof types.TeamDocument,
    "\n  mutation InviteMember($email: String!, $displayName: String!, $role: Role!) {\n    inviteMember(email: $email, displayName: $displayName, role: $role) {\n      id\n      email\n      displayName\n      role\n      expiresAt\n      acceptUrl\n    }\n  }\n": typeof types.InviteMemberDocument,
    "\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id)\n  }\n": typeof types.RevokeInvitationDocument,
    "\n  mutation ChangeMemberRole($userId: ID!, $role: Role!) {\n    changeMemberRole(userId: $userId, role: $role) {\n      id\n      role\n    }\n  }\n": typeof types.ChangeMemberRoleDocument,
    "\n  mutation RemoveMember($userId: ID!) {\n    removeMember(userId: $userId)\n  }\n": typeof types.RemoveMemberDocument,
};
const documents: Documents = {
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": types.ChangePasswordDocument,
    "\n  mutation SignOutEverywhere {\n    signOutEverywhere\n  }\n": types.SignOutEverywhereDocument,
    "\n  mutation AcceptInvitation($token: String!, $password: String!, $displayName: String) {\n    acceptInvitation(token: $token, password: $password, displayName: $displayName) {\n      token\n      user {\n        id\n        email\n        displayName\n        role\n        locale\n      }\n      organization {\n        id\n        name\n        locale\n      }\n    }\n  }\n": types.AcceptInvitationDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword) {\n      token\n      user {\n        id\n        email\n        displayName\n        role\n        locale\n      }\n      organization {\n        id\n        name\n        locale\n      }\n    }\n  }\n": types.ResetPasswordDocument,
    "\n  query AllyPortal {\n    upcomingActions(first: 20) {\n      id\n      title\n      kind\n      startsAt\n      location\n      committedCount\n      campaign {\n        id\n        name\n      }\n    }\n    winsToCelebrate {\n      id\n      title\n      wonAt\n      size\n      campaign {\n        id\n        name\n      }\n    }\n    campaigns {\n      id\n      name\n      stage\n    }\n    calendarFeedUrl\n  }\n": types.AllyPortalDocument,
    "\n  query Me {\n    me {\n      id\n      displayName\n      role\n      locale\n    }\n    organization {\n      id\n      name\n      locale\n    }\n  }\n": types.MeDocument,
    "\n  mutation SetMyLocale($locale: String) {\n    setMyLocale(locale: $locale) {\n      id\n      locale\n    }\n  }\n": types.SetMyLocaleDocument,
    "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      token\n      user {\n        id\n        email\n        displayName\n        role\n        locale\n      }\n      organization {\n        id\n        name\n        locale\n      }\n    }\n  }\n": types.SignInDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": types.SignOutDocument,
    "\n  query CampaignDashboard($campaignId: ID!) {\n    campaignProgress(campaignId: $campaignId) {\n      campaign {\n        id\n        name\n        goal\n        startedAt\n        stageHistory {\n          stage\n          enteredAt\n          note\n        }\n        negotiations {\n          id\n          scheduledAt\n          status\n          decisionMakers {\n            id\n            name\n          }\n        }\n      }\n      stage\n      daysInStage\n      doorsKnocked\n      conversationsHeld\n      oneToOnes\n      contactsReached\n      leadersIdentified\n      topIssues {\n        issue {\n          id\n          name\n        }\n        mentions\n        contacts\n        averageIntensity\n      }\n      demandsByStatus {\n        status\n        count\n      }\n      upcomingActions {\n        id\n        title\n        kind\n        startsAt\n        location\n        turnoutGoal\n        committedCount\n        visibility\n      }\n      commitmentsByStatus {\n        status\n        count\n      }\n      decisionMakerCommitmentsByStatus {\n        status\n        count\n      }\n      overdueFollowUps\n      wins {\n        id\n        title\n        wonAt\n        size\n        celebrated\n      }\n      conversationsPerWeek {\n        weekStart\n        count\n      }\n    }\n  }\n": types.CampaignDashboardDocument,
    "\n  query Campaigns {\n    campaigns {\n      id\n      name\n      goal\n      stage\n      startedAt\n    }\n  }\n": types.CampaignsDocument,
    "\n  query ListeningReport($campaignId: ID!) {\n    listeningReport(campaignId: $campaignId) {\n      issue {\n        id\n        name\n      }\n      mentions\n      contacts\n      averageIntensity\n    }\n  }\n": types.ListeningReportDocument,
    "\n  query Contact($id: ID!) {\n    contact(id: $id) {\n      id\n      firstName\n      lastName\n      phone\n      email\n      street\n      building\n      postalCode\n      city\n      neighbourhood\n      languages\n      allyRoles\n      isLeader\n      tags\n      consentGivenAt\n      createdAt\n      conversations {\n        id\n        kind\n        outcome\n        occurredAt\n        street\n        building\n        door\n        interestLevel\n        leadershipPotential\n        selfInterest\n        followUpAt\n        notes\n        campaign {\n          id\n          name\n        }\n        issues {\n          issue {\n            id\n            name\n          }\n          intensity\n          quote\n        }\n      }\n      commitments {\n        id\n        description\n        dueAt\n        status\n        resolvedAt\n        campaign {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.ContactDocument,
    "\n  query Contacts($filter: ContactFilter, $first: Int, $after: String) {\n    contacts(filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          firstName\n          lastName\n          phone\n          email\n          street\n          building\n          neighbourhood\n          allyRoles\n          isLeader\n          tags\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n": types.ContactsDocument,
    "\n  mutation EraseContact($contactId: ID!) {\n    eraseContact(contactId: $contactId)\n  }\n": types.EraseContactDocument,
    "\n  mutation ExportContactData($contactId: ID!) {\n    exportContactData(contactId: $contactId)\n  }\n": types.ExportContactDataDocument,
    "\n  query SearchContacts($search: String!, $first: Int) {\n    contacts(filter: { search: $search }, first: $first) {\n      edges {\n        node {\n          id\n          firstName\n          lastName\n          phone\n          street\n          building\n        }\n      }\n    }\n  }\n": types.SearchContactsDocument,
    "\n  query FieldOptions {\n    campaigns {\n      id\n      name\n      stage\n    }\n    issues {\n      id\n      name\n    }\n  }\n": types.FieldOptionsDocument,
    "\n  mutation LogConversation($input: LogConversationInput!) {\n    logConversation(input: $input) {\n      id\n      clientId\n      occurredAt\n      outcome\n    }\n  }\n": types.LogConversationDocument,
    "\n  fragment BriefFields on NegotiationBrief {\n    negotiation {\n      id\n      scheduledAt\n      status\n      campaign {\n        id\n        name\n        demands {\n          id\n          title\n          status\n          target {\n            id\n            name\n          }\n        }\n      }\n      decisionMakers {\n        id\n        name\n        title\n        institution\n      }\n    }\n    objective\n    demands {\n      id\n      title\n      status\n    }\n    ourLeverage\n    theirInterests\n    fallback\n    ifNoAgreement\n    arguments {\n      kind\n      text\n    }\n    roles {\n      role\n      contact {\n        id\n        firstName\n        lastName\n      }\n    }\n    testimonies {\n      issue {\n        id\n        name\n      }\n      intensity\n      quote\n    }\n    decisionMakerHistory {\n      id\n      description\n      dueAt\n      status\n      resolvedAt\n      decisionMaker {\n        id\n        name\n      }\n    }\n  }\n": types.BriefFieldsFragmentDoc,
    "\n  query NegotiationBrief($negotiationId: ID!) {\n    negotiationBrief(negotiationId: $negotiationId) {\n      ...BriefFields\n    }\n  }\n": types.NegotiationBriefDocument,
    "\n  mutation UpdateBrief($negotiationId: ID!, $input: BriefInput!) {\n    updateBrief(negotiationId: $negotiationId, input: $input) {\n      ...BriefFields\n    }\n  }\n": types.UpdateBriefDocument,
    "\n  query MyReminders {\n    myReminders {\n      id\n      kind\n      remindAt\n      status\n      sentAt\n      attempts\n    }\n  }\n": types.MyRemindersDocument,
    "\n  query Team {\n    members {\n      id\n      email\n      displayName\n      role\n    }\n    invitations {\n      id\n      email\n      displayName\n      role\n      expiresAt\n      invitedBy {\n        id\n        displayName\n      }\n    }\n    reminderHealth {\n      pending\n      overdue\n      failed\n      sentLast7Days\n    }\n    failedReminders {\n      id\n      kind\n      remindAt\n      lastError\n    }\n  }\n": types.TeamDocument,
    "\n  mutation InviteMember($email: String!, $displayName: String!, $role: Role!) {\n    inviteMember(email: $email, displayName: $displayName, role: $role) {\n      id\n      email\n      displayName\n      role\n      expiresAt\n      acceptUrl\n    }\n  }\n": types.InviteMemberDocument,
    "\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id)\n  }\n": types.RevokeInvitationDocument,
    "\n  mutation ChangeMemberRole($userId: ID!, $role: Role!) {\n    changeMemberRole(userId: $userId, role: $role) {\n      id\n      role\n    }\n  }\n": types.ChangeMemberRoleDocument,
    "\n  mutation RemoveMember($userId: ID!) {\n    removeMember(userId: $userId)\n  }\n": types.RemoveMemberDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n"): (typeof documents)["\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOutEverywhere {\n    signOutEverywhere\n  }\n"): (typeof documents)["\n  mutation SignOutEverywhere {\n    signOutEverywhere\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvitation($token: String!, $password: String!, $displayName: String) {\n    acceptInvitation(token: $token, password: $password, displayName: $displayName) {\n      token\n      user {\n        id\n        email\n        displayName\n        role\n        locale\n      }\n      organization {\n        id\n        name\n        locale\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptInvitation($token: String!, $password: String!, $displayName: String) {\n    acceptInvitation(token: $token, password: $password, displayName: $displayName) {\n      token\n      user {\n        id\n        email\n        displayName\n        role\n        locale\n      }\n      organization {\n        id\n        name\n        locale\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"): (typeof documents)["\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword) {\n      token\n      user {\n        id\n        email\n        displayName\n        role\n        locale\n      }\n      organization {\n        id\n        name\n        locale\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword) {\n      token\n      user {\n        id\n        email\n        displayName\n        role\n        locale\n      }\n      organization {\n        id\n        name\n        locale\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AllyPortal {\n    upcomingActions(first: 20) {\n      id\n      title\n      kind\n      startsAt\n      location\n      committedCount\n      campaign {\n        id\n        name\n      }\n    }\n    winsToCelebrate {\n      id\n      title\n      wonAt\n      size\n      campaign {\n        id\n        name\n      }\n    }\n    campaigns {\n      id\n      name\n      stage\n    }\n    calendarFeedUrl\n  }\n"): (typeof documents)["\n  query AllyPortal {\n    upcomingActions(first: 20) {\n      id\n      title\n      kind\n      startsAt\n      location\n      committedCount\n      campaign {\n        id\n        name\n      }\n    }\n    winsToCelebrate {\n      id\n      title\n      wonAt\n      size\n      campaign {\n        id\n        name\n      }\n    }\n    campaigns {\n      id\n      name\n      stage\n    }\n    calendarFeedUrl\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      id\n      displayName\n      role\n      locale\n    }\n    organization {\n      id\n      name\n      locale\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      id\n      displayName\n      role\n      locale\n    }\n    organization {\n      id\n      name\n      locale\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetMyLocale($locale: String) {\n    setMyLocale(locale: $locale) {\n      id\n      locale\n    }\n  }\n"): (typeof documents)["\n  mutation SetMyLocale($locale: String) {\n    setMyLocale(locale: $locale) {\n      id\n      locale\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      token\n      user {\n        id\n        email\n        displayName\n        role\n        locale\n      }\n      organization {\n        id\n        name\n        locale\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      token\n      user {\n        id\n        email\n        displayName\n        role\n        locale\n      }\n      organization {\n        id\n        name\n        locale\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    signOut\n  }\n"): (typeof documents)["\n  mutation SignOut {\n    signOut\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CampaignDashboard($campaignId: ID!) {\n    campaignProgress(campaignId: $campaignId) {\n      campaign {\n        id\n        name\n        goal\n        startedAt\n        stageHistory {\n          stage\n          enteredAt\n          note\n        }\n        negotiations {\n          id\n          scheduledAt\n          status\n          decisionMakers {\n            id\n            name\n          }\n        }\n      }\n      stage\n      daysInStage\n      doorsKnocked\n      conversationsHeld\n      oneToOnes\n      contactsReached\n      leadersIdentified\n      topIssues {\n        issue {\n          id\n          name\n        }\n        mentions\n        contacts\n        averageIntensity\n      }\n      demandsByStatus {\n        status\n        count\n      }\n      upcomingActions {\n        id\n        title\n        kind\n        startsAt\n        location\n        turnoutGoal\n        committedCount\n        visibility\n      }\n      commitmentsByStatus {\n        status\n        count\n      }\n      decisionMakerCommitmentsByStatus {\n        status\n        count\n      }\n      overdueFollowUps\n      wins {\n        id\n        title\n        wonAt\n        size\n        celebrated\n      }\n      conversationsPerWeek {\n        weekStart\n        count\n      }\n    }\n  }\n"): (typeof documents)["\n  query CampaignDashboard($campaignId: ID!) {\n    campaignProgress(campaignId: $campaignId) {\n      campaign {\n        id\n        name\n        goal\n        startedAt\n        stageHistory {\n          stage\n          enteredAt\n          note\n        }\n        negotiations {\n          id\n          scheduledAt\n          status\n          decisionMakers {\n            id\n            name\n          }\n        }\n      }\n      stage\n      daysInStage\n      doorsKnocked\n      conversationsHeld\n      oneToOnes\n      contactsReached\n      leadersIdentified\n      topIssues {\n        issue {\n          id\n          name\n        }\n        mentions\n        contacts\n        averageIntensity\n      }\n      demandsByStatus {\n        status\n        count\n      }\n      upcomingActions {\n        id\n        title\n        kind\n        startsAt\n        location\n        turnoutGoal\n        committedCount\n        visibility\n      }\n      commitmentsByStatus {\n        status\n        count\n      }\n      decisionMakerCommitmentsByStatus {\n        status\n        count\n      }\n      overdueFollowUps\n      wins {\n        id\n        title\n        wonAt\n        size\n        celebrated\n      }\n      conversationsPerWeek {\n        weekStart\n        count\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Campaigns {\n    campaigns {\n      id\n      name\n      goal\n      stage\n      startedAt\n    }\n  }\n"): (typeof documents)["\n  query Campaigns {\n    campaigns {\n      id\n      name\n      goal\n      stage\n      startedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ListeningReport($campaignId: ID!) {\n    listeningReport(campaignId: $campaignId) {\n      issue {\n        id\n        name\n      }\n      mentions\n      contacts\n      averageIntensity\n    }\n  }\n"): (typeof documents)["\n  query ListeningReport($campaignId: ID!) {\n    listeningReport(campaignId: $campaignId) {\n      issue {\n        id\n        name\n      }\n      mentions\n      contacts\n      averageIntensity\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Contact($id: ID!) {\n    contact(id: $id) {\n      id\n      firstName\n      lastName\n      phone\n      email\n      street\n      building\n      postalCode\n      city\n      neighbourhood\n      languages\n      allyRoles\n      isLeader\n      tags\n      consentGivenAt\n      createdAt\n      conversations {\n        id\n        kind\n        outcome\n        occurredAt\n        street\n        building\n        door\n        interestLevel\n        leadershipPotential\n        selfInterest\n        followUpAt\n        notes\n        campaign {\n          id\n          name\n        }\n        issues {\n          issue {\n            id\n            name\n          }\n          intensity\n          quote\n        }\n      }\n      commitments {\n        id\n        description\n        dueAt\n        status\n        resolvedAt\n        campaign {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Contact($id: ID!) {\n    contact(id: $id) {\n      id\n      firstName\n      lastName\n      phone\n      email\n      street\n      building\n      postalCode\n      city\n      neighbourhood\n      languages\n      allyRoles\n      isLeader\n      tags\n      consentGivenAt\n      createdAt\n      conversations {\n        id\n        kind\n        outcome\n        occurredAt\n        street\n        building\n        door\n        interestLevel\n        leadershipPotential\n        selfInterest\n        followUpAt\n        notes\n        campaign {\n          id\n          name\n        }\n        issues {\n          issue {\n            id\n            name\n          }\n          intensity\n          quote\n        }\n      }\n      commitments {\n        id\n        description\n        dueAt\n        status\n        resolvedAt\n        campaign {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Contacts($filter: ContactFilter, $first: Int, $after: String) {\n    contacts(filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          firstName\n          lastName\n          phone\n          email\n          street\n          building\n          neighbourhood\n          allyRoles\n          isLeader\n          tags\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query Contacts($filter: ContactFilter, $first: Int, $after: String) {\n    contacts(filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          firstName\n          lastName\n          phone\n          email\n          street\n          building\n          neighbourhood\n          allyRoles\n          isLeader\n          tags\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EraseContact($contactId: ID!) {\n    eraseContact(contactId: $contactId)\n  }\n"): (typeof documents)["\n  mutation EraseContact($contactId: ID!) {\n    eraseContact(contactId: $contactId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExportContactData($contactId: ID!) {\n    exportContactData(contactId: $contactId)\n  }\n"): (typeof documents)["\n  mutation ExportContactData($contactId: ID!) {\n    exportContactData(contactId: $contactId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchContacts($search: String!, $first: Int) {\n    contacts(filter: { search: $search }, first: $first) {\n      edges {\n        node {\n          id\n          firstName\n          lastName\n          phone\n          street\n          building\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SearchContacts($search: String!, $first: Int) {\n    contacts(filter: { search: $search }, first: $first) {\n      edges {\n        node {\n          id\n          firstName\n          lastName\n          phone\n          street\n          building\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FieldOptions {\n    campaigns {\n      id\n      name\n      stage\n    }\n    issues {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query FieldOptions {\n    campaigns {\n      id\n      name\n      stage\n    }\n    issues {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogConversation($input: LogConversationInput!) {\n    logConversation(input: $input) {\n      id\n      clientId\n      occurredAt\n      outcome\n    }\n  }\n"): (typeof documents)["\n  mutation LogConversation($input: LogConversationInput!) {\n    logConversation(input: $input) {\n      id\n      clientId\n      occurredAt\n      outcome\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BriefFields on NegotiationBrief {\n    negotiation {\n      id\n      scheduledAt\n      status\n      campaign {\n        id\n        name\n        demands {\n          id\n          title\n          status\n          target {\n            id\n            name\n          }\n        }\n      }\n      decisionMakers {\n        id\n        name\n        title\n        institution\n      }\n    }\n    objective\n    demands {\n      id\n      title\n      status\n    }\n    ourLeverage\n    theirInterests\n    fallback\n    ifNoAgreement\n    arguments {\n      kind\n      text\n    }\n    roles {\n      role\n      contact {\n        id\n        firstName\n        lastName\n      }\n    }\n    testimonies {\n      issue {\n        id\n        name\n      }\n      intensity\n      quote\n    }\n    decisionMakerHistory {\n      id\n      description\n      dueAt\n      status\n      resolvedAt\n      decisionMaker {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment BriefFields on NegotiationBrief {\n    negotiation {\n      id\n      scheduledAt\n      status\n      campaign {\n        id\n        name\n        demands {\n          id\n          title\n          status\n          target {\n            id\n            name\n          }\n        }\n      }\n      decisionMakers {\n        id\n        name\n        title\n        institution\n      }\n    }\n    objective\n    demands {\n      id\n      title\n      status\n    }\n    ourLeverage\n    theirInterests\n    fallback\n    ifNoAgreement\n    arguments {\n      kind\n      text\n    }\n    roles {\n      role\n      contact {\n        id\n        firstName\n        lastName\n      }\n    }\n    testimonies {\n      issue {\n        id\n        name\n      }\n      intensity\n      quote\n    }\n    decisionMakerHistory {\n      id\n      description\n      dueAt\n      status\n      resolvedAt\n      decisionMaker {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NegotiationBrief($negotiationId: ID!) {\n    negotiationBrief(negotiationId: $negotiationId) {\n      ...BriefFields\n    }\n  }\n"): (typeof documents)["\n  query NegotiationBrief($negotiationId: ID!) {\n    negotiationBrief(negotiationId: $negotiationId) {\n      ...BriefFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateBrief($negotiationId: ID!, $input: BriefInput!) {\n    updateBrief(negotiationId: $negotiationId, input: $input) {\n      ...BriefFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateBrief($negotiationId: ID!, $input: BriefInput!) {\n    updateBrief(negotiationId: $negotiationId, input: $input) {\n      ...BriefFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyReminders {\n    myReminders {\n      id\n      kind\n      remindAt\n      status\n      sentAt\n      attempts\n    }\n  }\n"): (typeof documents)["\n  query MyReminders {\n    myReminders {\n      id\n      kind\n      remindAt\n      status\n      sentAt\n      attempts\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Team {\n    members {\n      id\n      email\n      displayName\n      role\n    }\n    invitations {\n      id\n      email\n      displayName\n      role\n      expiresAt\n      invitedBy {\n        id\n        displayName\n      }\n    }\n    reminderHealth {\n      pending\n      overdue\n      failed\n      sentLast7Days\n    }\n    failedReminders {\n      id\n      kind\n      remindAt\n      lastError\n    }\n  }\n"): (typeof documents)["\n  query Team {\n    members {\n      id\n      email\n      displayName\n      role\n    }\n    invitations {\n      id\n      email\n      displayName\n      role\n      expiresAt\n      invitedBy {\n        id\n        displayName\n      }\n    }\n    reminderHealth {\n      pending\n      overdue\n      failed\n      sentLast7Days\n    }\n    failedReminders {\n      id\n      kind\n      remindAt\n      lastError\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteMember($email: String!, $displayName: String!, $role: Role!) {\n    inviteMember(email: $email, displayName: $displayName, role: $role) {\n      id\n      email\n      displayName\n      role\n      expiresAt\n      acceptUrl\n    }\n  }\n"): (typeof documents)["\n  mutation InviteMember($email: String!, $displayName: String!, $role: Role!) {\n    inviteMember(email: $email, displayName: $displayName, role: $role) {\n      id\n      email\n      displayName\n      role\n      expiresAt\n      acceptUrl\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id)\n  }\n"): (typeof documents)["\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeMemberRole($userId: ID!, $role: Role!) {\n    changeMemberRole(userId: $userId, role: $role) {\n      id\n      role\n    }\n  }\n"): (typeof documents)["\n  mutation ChangeMemberRole($userId: ID!, $role: Role!) {\n    changeMemberRole(userId: $userId, role: $role) {\n      id\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveMember($userId: ID!) {\n    removeMember(userId: $userId)\n  }\n"): (typeof documents)["\n  mutation RemoveMember($userId: ID!) {\n    removeMember(userId: $userId)\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;