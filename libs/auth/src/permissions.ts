import { Role } from '@rapport/shared';

// Who may use which operation, in one place. Keys are `<GraphQL parent type>.<field>`
// for every resolver (queries, mutations and resolved fields). Anything not listed
// is for ORGANISER and LEADER: allies only reach what is listed for them, so a new
// field is private until someone decides otherwise.

const EVERYONE = [Role.ORGANISER, Role.LEADER, Role.ALLY];
const ORGANISERS = [Role.ORGANISER];
const MEMBERS = [Role.ORGANISER, Role.LEADER];

/**
 * No token needed. `User.email` decides in its resolver: a member's own address,
 * or any address for organisers (also reached from signIn's own account).
 */
export const PUBLIC_OPERATIONS = new Set(['Mutation.registerOrganization', 'Mutation.signIn', 'User.email']);

export const PERMISSIONS: Readonly<Record<string, readonly Role[]>> = {
  // The ally portal: the campaign's name, stage and wins, actions open to allies.
  'Query.me': EVERYONE,
  'Query.organization': EVERYONE,
  'Query.campaigns': EVERYONE,
  'Query.campaign': EVERYONE,
  'Query.upcomingActions': EVERYONE,
  'Query.winsToCelebrate': EVERYONE,
  'Query.calendarFeedUrl': EVERYONE,
  'Mutation.signOut': EVERYONE,
  'Mutation.setMyLocale': EVERYONE,
  'Campaign.wins': EVERYONE,
  'Campaign.stageHistory': EVERYONE,
  'Action.campaign': EVERYONE,
  'Action.participants': EVERYONE, // answers [] to allies: names stay private
  'Action.committedCount': EVERYONE,
  'Action.attendedCount': EVERYONE,
  'Action.outcome': EVERYONE, // null to allies: members' words may name people
  'StageChange.note': EVERYONE, // null to allies, likewise
  'Win.campaign': EVERYONE,

  // Member administration and personal data rights: organisers only.
  'Mutation.addMember': ORGANISERS,
  'Mutation.exportContactData': ORGANISERS,
  'Mutation.eraseContact': ORGANISERS,
  'Mutation.rotateCalendarFeed': ORGANISERS,
  'Query.auditLog': ORGANISERS,
  'Query.members': ORGANISERS,
  'Query.failedReminders': ORGANISERS,
  'Reminder.lastError': ORGANISERS, // a mail server's answer may quote addresses
  // Not GraphQL: the operator view of the queues at /admin/queues.
  'Http.adminQueues': ORGANISERS,
};

export function mayUse(role: Role, operation: string): boolean {
  return (PERMISSIONS[operation] ?? MEMBERS).includes(role);
}
