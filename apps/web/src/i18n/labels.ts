import type { MessageKey, Translate } from './index';

/** Enum values' names in the member's language: `label(t, 'stage', 'LISTENING')` reads the key `stage.LISTENING`. */
export type LabelledEnum =
  | 'stage'
  | 'kind'
  | 'outcome'
  | 'demandStatus'
  | 'actionKind'
  | 'commitmentStatus'
  | 'commitmentStatusOne'
  | 'demandStatusOne'
  | 'participationStatus'
  | 'reminderKind'
  | 'reminderStatus'
  | 'allyRole'
  | 'argumentKind'
  | 'negotiationRole'
  | 'negotiationStatus'
  | 'winSize'
  | 'visibility'
  | 'role'
  | 'membershipStatus'
  | 'paymentMethod'
  | 'sessionKind'
  | 'caseStatus';

export function label(t: Translate, kind: LabelledEnum, value: string): string {
  const key = `${kind}.${value}` as MessageKey;
  const text = t(key);
  return text === key ? value : text;
}
