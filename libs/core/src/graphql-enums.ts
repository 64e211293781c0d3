import { registerEnumType } from '@nestjs/graphql';
import * as E from '@rapport/shared';

// Every enum of the contract, registered once under its contract name.
const enums = {
  Role: E.Role,
  AllyRole: E.AllyRole,
  CampaignStage: E.CampaignStage,
  ConversationKind: E.ConversationKind,
  ConversationOutcome: E.ConversationOutcome,
  DemandStatus: E.DemandStatus,
  ActionKind: E.ActionKind,
  Visibility: E.Visibility,
  ParticipationStatus: E.ParticipationStatus,
  NegotiationStatus: E.NegotiationStatus,
  NegotiationRole: E.NegotiationRole,
  ArgumentKind: E.ArgumentKind,
  CommitmentStatus: E.CommitmentStatus,
  ReminderKind: E.ReminderKind,
  ReminderStatus: E.ReminderStatus,
  WinSize: E.WinSize,
  PaymentMethod: E.PaymentMethod,
  MembershipPeriodKind: E.MembershipPeriodKind,
  MembershipStatus: E.MembershipStatus,
  SessionKind: E.SessionKind,
  CaseStatus: E.CaseStatus,
  ImportStatus: E.ImportStatus,
  DedupeRule: E.DedupeRule,
  ExportFormat: E.ExportFormat,
};
for (const [name, enumRef] of Object.entries(enums)) registerEnumType(enumRef, { name });
