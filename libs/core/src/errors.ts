import { GraphQLError } from 'graphql';

/** The error codes a client can rely on (contract: "Errors"). */
export type ErrorCode = 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'TOO_MANY_REQUESTS';

export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extra } });
  }
}

/**
 * The rules a client can translate: `extensions.rule` names one (the web app's
 * `rule.<name>` i18n keys), `extensions.params` fills its blanks ({ max: 200 }).
 * The message stays English, for logs and for clients that know no rule.
 */
export type Rule =
  | 'required'
  | 'maxLength'
  | 'minLength'
  | 'intRange'
  | 'email'
  | 'phone'
  | 'date'
  | 'dateRange'
  | 'maxItems'
  | 'future'
  | 'enum'
  | 'badLink'
  | 'passwordBytes'
  | 'currentPassword'
  | 'lastOrganiser'
  | 'emailTaken'
  | 'contactOrNew'
  | 'personOrDecisionMaker'
  | 'oneDecisionMaker'
  | 'sameStage'
  | 'otherCampaign'
  | 'resolveStatus'
  | 'alreadyResolved'
  | 'allyRole'
  | 'duplicate'
  | 'cancelled'
  | 'later'
  | 'maxDays';

export type RuleParams = Record<string, string | number>;

/**
 * A bad input, naming the field (its path in the input) and what is wrong, in
 * English; with `rule` (and its `params`), machine-readable too.
 */
export const badInput = (field: string, message: string, rule?: Rule, params?: RuleParams) =>
  new AppError('BAD_USER_INPUT', `${field}: ${message}`, { field, ...(rule ? { rule, ...(params ? { params } : {}) } : {}) });

export const notFound = (what: string, id?: string) => new AppError('NOT_FOUND', id ? `${what} ${id} not found` : `${what} not found`);

/** `why`: the reason in words, where the role alone would not explain it (`extensions.reason` names the operation). */
export const forbidden = (operation: string, why?: string) =>
  why ? new AppError('FORBIDDEN', why, { reason: operation }) : new AppError('FORBIDDEN', `Your role may not use ${operation}`);

export const unauthenticated = (why = 'Sign in first') => new AppError('UNAUTHENTICATED', why);

export const tooManyRequests = (retryAfterSeconds: number) =>
  new AppError('TOO_MANY_REQUESTS', `Too many attempts; try again in ${Math.ceil(retryAfterSeconds / 60)} minutes`, {
    retryAfter: Math.ceil(retryAfterSeconds),
  });
