import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { fr } from '../i18n/fr';
import type { MessageKey, Translate } from '../i18n';
import { label } from '../i18n/labels';

/** The message to show for a failed operation: the API's own words for GraphQL errors, ours for the rest. */
export function errorMessage(error: unknown, t: Translate): string {
  if (CombinedGraphQLErrors.is(error) && error.errors.length > 0) {
    return error.errors.map((e) => byCode(e, t) ?? byRule(e.extensions, t) ?? translateApiMessage(e.message, t)).join('\n');
  }
  return t('error.network');
}

/** True when the API answered with errors (as opposed to no answer: offline, server down). */
export function isGraphQLError(error: unknown): boolean {
  return CombinedGraphQLErrors.is(error);
}

export function errorCodes(error: unknown): string[] {
  if (!CombinedGraphQLErrors.is(error)) return [];
  return error.errors.map((e) => String(e.extensions?.['code'] ?? ''));
}

/**
 * The API's BAD_USER_INPUT errors name the field by its path in the input
 * (`extensions.field`: "input.newContact.phone", "input.issues[0].intensity"),
 * the rule it broke (`extensions.rule`: "phone", "maxLength") with its
 * `extensions.params` ({ max: 200 }), and say it in English in the message.
 * Forms show each message next to the field it names: keys here drop the leading
 * "input." and write indexes with dots ("newContact.phone", "issues.0.intensity").
 */
export interface FieldErrors {
  /** Messages by field key, in the member's language where we know the rule. */
  fields: Record<string, string>;
  /** Errors that name no field (or none this form shows): shown at the top of the form. */
  general: string[];
}

export function fieldKey(path: string): string {
  return path
    .replace(/^input\./, '')
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/^\./, '');
}

export function fieldErrors(error: unknown, t: Translate): FieldErrors {
  const result: FieldErrors = { fields: {}, general: [] };
  if (!CombinedGraphQLErrors.is(error)) {
    if (error) result.general.push(t('error.network'));
    return result;
  }
  for (const e of error.errors) {
    const field = e.extensions?.['field'];
    if (e.extensions?.['code'] === 'BAD_USER_INPUT' && typeof field === 'string' && field) {
      const key = fieldKey(field);
      result.fields[key] = byRule(e.extensions, t) ?? translateRule(ruleOf(e.message, field), t);
    } else {
      result.general.push(byCode(e, t) ?? byRule(e.extensions, t) ?? translateApiMessage(e.message, t));
    }
  }
  return result;
}

/** Keeps only the errors a form can place; the others join `general`. */
export function placeErrors(errors: FieldErrors, known: (key: string) => boolean): FieldErrors {
  const placed: FieldErrors = { fields: {}, general: [...errors.general] };
  for (const [key, message] of Object.entries(errors.fields)) {
    if (known(key)) placed.fields[key] = message;
    else placed.general.push(message);
  }
  return placed;
}

/** "input.x: must not be empty" → "must not be empty". */
function ruleOf(message: string, field: string): string {
  const prefix = `${field}: `;
  if (message.startsWith(prefix)) return message.slice(prefix.length);
  const colon = message.indexOf(': ');
  return colon > 0 && /^[\w.[\]]+$/.test(message.slice(0, colon)) ? message.slice(colon + 2) : message;
}

/**
 * Refusals and unknown ids, in the member's language from their code: the API's
 * English ("Your role may not use Mutation.x", "Campaign 7 not found") never
 * reaches the interface.
 */
function byCode(e: { extensions?: Record<string, unknown> }, t: Translate): string | null {
  switch (e.extensions?.['code']) {
    case 'FORBIDDEN':
      return t('error.forbidden');
    case 'NOT_FOUND':
      return t('error.notFound');
    case 'INTERNAL_SERVER_ERROR':
      return t('error.server');
    default:
      return null;
  }
}

/**
 * The API's `extensions.rule` and `params`, in the member's language: the rule
 * names an i18n key (`rule.<rule>`). Null when there is none, or one this
 * version of the web app does not know yet (then the message is read as before).
 */
function byRule(extensions: Record<string, unknown> | undefined, t: Translate): string | null {
  const rule = extensions?.['rule'];
  if (typeof rule !== 'string' || !(`rule.${rule}` in fr)) return null;
  const raw = extensions?.['params'];
  const params: Record<string, string | number> = {};
  if (raw && typeof raw === 'object') {
    for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
      if (typeof v === 'string' || typeof v === 'number') params[k] = v;
    }
  }
  // A stage arrives as its enum value (ACTION): shown by its label.
  if (rule === 'sameStage' && typeof params['stage'] === 'string') params['stage'] = label(t, 'stage', params['stage']);
  return t(`rule.${rule}` as MessageKey, params);
}

/** A message that may be "field: rule": the rule translated, the field dropped (it is shown next to it). */
function translateApiMessage(message: string, t: Translate): string {
  const match = /^([\w.[\]]+): (.+)$/s.exec(message);
  return match ? translateRule(match[2]!, t) : message;
}

// Fallback for messages without `extensions.rule` (an older API, a refusal kept in the outbox before rules
// existed): the rules of libs/core/src/validate.ts recognised by their English words. Unknown ones are shown as written.
const RULES: Array<[RegExp, (t: Translate, m: RegExpExecArray) => string]> = [
  [/^must not be empty$/, (t) => t('rule.required')],
  [/^must be at most (\d+) characters/, (t, m) => t('rule.maxLength', { max: m[1]! })],
  [/^must be a whole number from (-?\d+) to (-?\d+)$/, (t, m) => t('rule.intRange', { min: m[1]!, max: m[2]! })],
  [/^must be an email address/, (t) => t('rule.email')],
  [/^must be a valid phone number/, (t) => t('rule.phone')],
  [/^must be a date and time/, (t) => t('rule.date')],
  [/^must be a date between (\d+) and (\d+)$/, (t, m) => t('rule.dateRange', { min: m[1]!, max: m[2]! })],
  [/^must hold at most (\d+) items$/, (t, m) => t('rule.maxItems', { max: m[1]! })],
  [/^must not be in the future$/, (t) => t('rule.future')],
  [/^this link is invalid, expired or already used/, (t) => t('rule.badLink')],
  [/^must be at least (\d+) characters$/, (t, m) => t('rule.minLength', { min: m[1]! })],
  [/^must be at most 72 bytes/, (t) => t('rule.passwordBytes')],
  [/^is not your current password$/, (t) => t('rule.currentPassword')],
  [/^the last organiser of the organisation cannot be/, (t) => t('rule.lastOrganiser')],
  [/^an account already uses this email address$/, (t) => t('rule.emailTaken')],
  [/^give either contactId or newContact/, (t) => t('rule.contactOrNew')],
  [/^give exactly one of input\.contactId or input\.decisionMakerId/, (t) => t('rule.personOrDecisionMaker')],
  [/^must name at least one decision-maker/, (t) => t('rule.oneDecisionMaker')],
  [/^the campaign is already at (\w+)/, (t, m) => t('rule.sameStage', { stage: label(t, 'stage', m[1]!) })],
  [/^is a demand of another campaign/, (t) => t('rule.otherCampaign')],
  [/^must be KEPT, BROKEN or CANCELLED/, (t) => t('rule.resolveStatus')],
  [/^the commitment is already (\w+)/, (t) => t('rule.alreadyResolved')],
  [/^is not an ally role/, (t) => t('rule.allyRole')],
  [/^must be from (\d+) to (\d+)$/, (t, m) => t('rule.intRange', { min: m[1]!, max: m[2]! })],
];

export function translateRule(rule: string, t: Translate): string {
  for (const [pattern, render] of RULES) {
    const match = pattern.exec(rule);
    if (match) return render(t, match);
  }
  return rule;
}

/** The same shape for a refusal kept in the outbox (field path and message, as the API sent them). */
export function refusalErrors(refusal: { field?: string; message: string; rule?: string; params?: Record<string, unknown> }, t: Translate): FieldErrors {
  const byItsRule = byRule(refusal, t);
  if (!refusal.field) return { fields: {}, general: [byItsRule ?? translateApiMessage(refusal.message, t)] };
  return { fields: { [fieldKey(refusal.field)]: byItsRule ?? translateRule(ruleOf(refusal.message, refusal.field), t) }, general: [] };
}

export const NO_ERRORS: FieldErrors = { fields: {}, general: [] };
