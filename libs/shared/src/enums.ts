// The vocabulary of the method, shared by the API, the worker and the web app.
// Values are the names used by the GraphQL contract.

export enum Role {
  ORGANISER = 'ORGANISER',
  LEADER = 'LEADER',
  ALLY = 'ALLY',
}

export enum AllyRole {
  AFFECTED = 'AFFECTED',
  SUPPORTER = 'SUPPORTER',
  STAFF = 'STAFF',
  SOLIDARITY = 'SOLIDARITY',
}

export enum CampaignStage {
  LISTENING = 'LISTENING',
  DEMANDS = 'DEMANDS',
  ACTION = 'ACTION',
  NEGOTIATION = 'NEGOTIATION',
  WON = 'WON',
  LOST = 'LOST',
}

export enum ConversationKind {
  DOOR_KNOCK = 'DOOR_KNOCK',
  ONE_TO_ONE = 'ONE_TO_ONE',
  PHONE = 'PHONE',
  DROP_IN = 'DROP_IN',
}

export enum ConversationOutcome {
  NOT_HOME = 'NOT_HOME',
  REFUSED = 'REFUSED',
  TALKED = 'TALKED',
  MOVED = 'MOVED',
}

export enum DemandStatus {
  DRAFT = 'DRAFT',
  PRESENTED = 'PRESENTED',
  WON = 'WON',
  PARTIALLY_WON = 'PARTIALLY_WON',
  REFUSED = 'REFUSED',
  DROPPED = 'DROPPED',
}

export enum ActionKind {
  DIRECT_ACTION = 'DIRECT_ACTION',
  DELEGATION = 'DELEGATION',
  RALLY = 'RALLY',
  PRESS = 'PRESS',
  PUBLIC_MEETING = 'PUBLIC_MEETING',
  CELEBRATION = 'CELEBRATION',
  OTHER = 'OTHER',
}

export enum Visibility {
  TEAM = 'TEAM',
  ALLIES = 'ALLIES',
}

export enum ParticipationStatus {
  INVITED = 'INVITED',
  COMMITTED = 'COMMITTED',
  ATTENDED = 'ATTENDED',
  NO_SHOW = 'NO_SHOW',
}

export enum NegotiationStatus {
  PLANNED = 'PLANNED',
  HELD = 'HELD',
  CANCELLED = 'CANCELLED',
}

export enum NegotiationRole {
  SPOKESPERSON = 'SPOKESPERSON',
  TESTIMONY = 'TESTIMONY',
  NOTE_TAKER = 'NOTE_TAKER',
  TIMEKEEPER = 'TIMEKEEPER',
  OBSERVER = 'OBSERVER',
}

export enum ArgumentKind {
  FACT = 'FACT',
  TESTIMONY = 'TESTIMONY',
  LEGAL = 'LEGAL',
  MORAL = 'MORAL',
  COST = 'COST',
}

export enum CommitmentStatus {
  OPEN = 'OPEN',
  KEPT = 'KEPT',
  BROKEN = 'BROKEN',
  CANCELLED = 'CANCELLED',
}

export enum ReminderKind {
  COMMITMENT_DUE = 'COMMITMENT_DUE',
  DECISION_MAKER_DEADLINE = 'DECISION_MAKER_DEADLINE',
  FOLLOW_UP = 'FOLLOW_UP',
  ACTION_UPCOMING = 'ACTION_UPCOMING',
  /** The day before an action at 18:00 (organisation time): committed people are asked to confirm. */
  ACTION_CONFIRM = 'ACTION_CONFIRM',
  /** The day after closeAttendance: the owner gets the no-shows to call back. */
  ACTION_NO_SHOW = 'ACTION_NO_SHOW',
  MEMBERSHIP_RENEWAL = 'MEMBERSHIP_RENEWAL',
  CASE_NEXT_STEP = 'CASE_NEXT_STEP',
}

export enum ReminderStatus {
  SCHEDULED = 'SCHEDULED',
  SENT = 'SENT',
  CANCELLED = 'CANCELLED',
  FAILED = 'FAILED',
}

export enum PaymentMethod {
  CASH = 'CASH',
  CHEQUE = 'CHEQUE',
  TRANSFER = 'TRANSFER',
  CARD = 'CARD',
  HELLOASSO = 'HELLOASSO',
  OTHER = 'OTHER',
}

export enum MembershipPeriodKind {
  CALENDAR_YEAR = 'CALENDAR_YEAR',
  ROLLING_YEAR = 'ROLLING_YEAR',
}

/** Computed from a contact's memberships: see libs/membership. */
export enum MembershipStatus {
  CURRENT = 'CURRENT',
  GRACE = 'GRACE',
  LAPSED = 'LAPSED',
  NEVER = 'NEVER',
}

export enum WinSize {
  SMALL = 'SMALL',
  MAJOR = 'MAJOR',
}

/** The order a campaign normally moves through; WON and LOST close it. */
export const STAGE_ORDER: readonly CampaignStage[] = [
  CampaignStage.LISTENING,
  CampaignStage.DEMANDS,
  CampaignStage.ACTION,
  CampaignStage.NEGOTIATION,
  CampaignStage.WON,
];

export enum SessionKind {
  PERMANENCE = 'PERMANENCE',
  WORKSHOP = 'WORKSHOP',
  TRAINING = 'TRAINING',
  TEAM_MEETING = 'TEAM_MEETING',
}

export enum CaseStatus {
  OPEN = 'OPEN',
  WAITING_ON_AGENCY = 'WAITING_ON_AGENCY',
  /** the right was obtained or the problem solved */
  RESOLVED = 'RESOLVED',
  /** closed without a solution */
  UNRESOLVED = 'UNRESOLVED',
}

export enum ImportStatus {
  /** File read: columns, encoding and delimiter detected, mapping proposed. */
  ANALYSED = 'ANALYSED',
  RUNNING = 'RUNNING',
  DONE = 'DONE',
  /** The file could not be read at all; rows are never half-written. */
  FAILED = 'FAILED',
  CANCELLED = 'CANCELLED',
}

export enum DedupeRule {
  /** An existing contact with the same phone (E.164) or email is updated, not duplicated. */
  PHONE_OR_EMAIL = 'PHONE_OR_EMAIL',
  NONE = 'NONE',
}

export enum ExportFormat {
  CSV = 'CSV',
  XLSX = 'XLSX',
}
