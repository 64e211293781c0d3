import { Role } from '@rapport/shared';

// Who may use which operation, in one place. Keys are `<GraphQL parent type>.<field>`
// for every resolver (queries, mutations and resolved fields). Anything not listed
// is for ORGANISER and LEADER: allies only reach what is listed for them, so a new
// field is private until someone decides otherwise.

const EVERYONE = [Role.ORGANISER, Role.LEADER, Role.ALLY];
const ORGANISERS = [Role.ORGANISER];
const MEMBERS = [Role.ORGANISER, Role.LEADER];

/** No token needed. */
export const PUBLIC_OPERATIONS = new Set([
  'Mutation.registerOrganization',
  'Mutation.signIn',
  'Mutation.acceptInvitation',
  'Mutation.requestPasswordReset',
  'Mutation.resetPassword',
  // Decided in its resolver: a member's own address, or any address for organisers.
  'User.email',
]);

export const PERMISSIONS: Readonly<Record<string, readonly Role[]>> = {
  // The ally portal: the campaign's name, stage and wins, actions open to allies.
  'Query.me': EVERYONE,
  'Query.organization': EVERYONE,
  'Query.campaigns': EVERYONE,
  'Query.campaign': EVERYONE,
  'Query.upcomingActions': EVERYONE,
  'Query.action': EVERYONE, // allies: only actions open to allies (NOT_FOUND otherwise)
  'Query.winsToCelebrate': EVERYONE,
  'Query.turnoutWins': EVERYONE, // allies: actions open to them, counts only
  'Query.calendarFeedUrl': EVERYONE,
  'Mutation.signOut': EVERYONE,
  'Mutation.setMyLocale': EVERYONE,
  'Mutation.changePassword': EVERYONE,
  'Mutation.signOutEverywhere': EVERYONE,
  'Campaign.wins': EVERYONE,
  'Campaign.stageHistory': EVERYONE,
  'Action.campaign': EVERYONE,
  'Action.participants': EVERYONE, // answers [] to allies: names stay private
  'Action.committedCount': EVERYONE,
  'Action.attendedCount': EVERYONE,
  'Action.checkInCount': EVERYONE,
  'Action.outcome': EVERYONE, // null to allies: members' words may name people
  'StageChange.note': EVERYONE, // null to allies, likewise
  'Win.campaign': EVERYONE,

  // Member administration and personal data rights: organisers only.
  'Mutation.addMember': ORGANISERS,
  'Mutation.inviteMember': ORGANISERS,
  'Mutation.revokeInvitation': ORGANISERS,
  'Mutation.changeMemberRole': ORGANISERS,
  'Mutation.removeMember': ORGANISERS,
  'Query.invitations': ORGANISERS,
  'Invitation.invitedBy': ORGANISERS,
  'Query.reminderHealth': ORGANISERS,
  'Mutation.exportContactData': ORGANISERS,
  'Mutation.eraseContact': ORGANISERS,
  'Mutation.rotateCalendarFeed': ORGANISERS,
  'Query.auditLog': ORGANISERS,
  // Names and roles, for leaders too: they assign turf to members (emails stay organisers', see User.email).
  'Query.members': MEMBERS,
  'Query.failedReminders': ORGANISERS,
  // /admin/queues is not here: it is for the instance operators (RAPPORT_OPERATORS),
  // who are not a role of any organisation (see apps/api/src/admin/queues-board.ts).
  // Membership and dues (personal data and accounts): never allies. Recording dues at a
  // stall is for organisers and leaders; money leaving the books is for organisers.
  'Query.membershipSettings': MEMBERS,
  'Query.membershipReport': MEMBERS,
  'Query.solidarityFund': MEMBERS,
  'Query.membersToRenew': MEMBERS,
  'Query.duesPayment': MEMBERS,
  'Query.duesPayments': ORGANISERS,
  'Mutation.recordDuesPayment': MEMBERS,
  'Mutation.updateMembershipSettings': ORGANISERS,
  'Mutation.grantSolidarityMembership': ORGANISERS,
  'Mutation.cancelDuesPayment': ORGANISERS,
  'Contact.membershipStatus': MEMBERS,
  'Contact.membershipEndsAt': MEMBERS,
  'Contact.memberships': MEMBERS,
  'Contact.duesPayments': MEMBERS,
  'Membership.contact': MEMBERS,
  'Membership.payment': MEMBERS,
  'Membership.fundedBy': MEMBERS,
  'DuesPayment.payer': MEMBERS,
  'DuesPayment.memberships': MEMBERS,
  // Permanences and cases: case summaries and steps are among the most sensitive texts
  // Rapport holds; allies never see them (allies see ALLIES series in the calendar feed).
  'Query.sessionSeries': MEMBERS,
  'Query.sessions': MEMBERS,
  'Query.cases': MEMBERS,
  'Query.case': MEMBERS,
  'Query.caseEvidence': MEMBERS,
  'Mutation.createSessionSeries': ORGANISERS,
  'Mutation.updateSessionSeries': ORGANISERS,
  'Mutation.cancelSession': ORGANISERS,
  'Mutation.recordAttendance': MEMBERS,
  'Mutation.openCase': MEMBERS,
  'Mutation.updateCase': MEMBERS,
  'Mutation.addCaseStep': MEMBERS,
  'Contact.cases': MEMBERS,
  'Campaign.evidence': MEMBERS,
  'NegotiationBrief.evidence': MEMBERS,
  'IssueTally.cases': MEMBERS,
  'IssueTally.quotes': MEMBERS, // consented quotes only, and never to allies

  // People data (libs/people-data): finding and merging duplicates is everyday care of the
  // records (organisers and leaders); taking the whole list out is for organisers.
  'Query.duplicateCandidates': MEMBERS,
  'Mutation.mergeContacts': MEMBERS,
  'Mutation.dismissDuplicate': MEMBERS,
  'Mutation.exportContacts': ORGANISERS,

  // Spreadsheet imports: bringing a whole list of people in is an organiser's decision.
  'Query.importJob': ORGANISERS,
  'Query.importJobs': ORGANISERS,
  'Mutation.runImport': ORGANISERS,
  'Mutation.cancelImport': ORGANISERS,
  'ImportJob.errors': ORGANISERS,
  // Not GraphQL: POST /imports (the upload) and GET /imports/:id/errors.csv.
  'Http.imports': ORGANISERS,

  'Reminder.lastError': ORGANISERS, // a mail server's answer may quote addresses
  // Not GraphQL: the operator view of the queues at /admin/queues.
  'Http.adminQueues': ORGANISERS,
};

/**
 * Why a role may not use an operation, where "your role may not" would leave the member
 * guessing: the FORBIDDEN error carries this message (and `extensions.reason`).
 */
export const FORBIDDEN_REASONS: Readonly<Record<string, string>> = {
  'Mutation.exportContacts':
    "Only organisers may export the contact list: an export takes everyone's details out of Rapport, so each one is written to the audit log under an organiser's name. Ask an organiser.",
};

export function mayUse(role: Role, operation: string): boolean {
  return (PERMISSIONS[operation] ?? MEMBERS).includes(role);
}
