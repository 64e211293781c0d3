import bcrypt from 'bcryptjs';
import { LIMITS } from '@rapport/shared';
import { badInput } from '@rapport/core';

/** bcrypt work factor: about a quarter of a second per check, the price of every guess. */
export const BCRYPT_COST = 12;
/** bcrypt reads only the first 72 bytes: a longer password would be silently cut. */
export const BCRYPT_MAX_BYTES = 72;

/** Refuses a new password that is too short, or longer than bcrypt can use. */
export function checkNewPassword(field: string, value: string | null | undefined): string {
  const password = value ?? '';
  if (password.length < LIMITS.password.min)
    throw badInput(field, `must be at least ${LIMITS.password.min} characters`, 'minLength', { min: LIMITS.password.min });
  if (Buffer.byteLength(password, 'utf8') > BCRYPT_MAX_BYTES) {
    throw badInput(field, `must be at most ${BCRYPT_MAX_BYTES} bytes (about 72 letters, fewer with accents or emoji)`, 'passwordBytes');
  }
  return password;
}

export const hashPassword = (password: string) => bcrypt.hash(password, BCRYPT_COST);

// Compared against when the account is unknown, so timing does not reveal who has one.
let decoy: Promise<string> | undefined;

/** Counts the bcrypt comparisons made by this process (the sign-in limit tests read it). */
export const passwordChecks = { count: 0 };

/** One bcrypt comparison; `hash` null compares against a decoy of the same cost and fails. */
export async function verifyPassword(password: string, hash: string | null): Promise<boolean> {
  passwordChecks.count++;
  decoy ??= bcrypt.hash('no account has this password', BCRYPT_COST);
  const ok = await bcrypt.compare((password ?? '').slice(0, 1000), hash ?? (await decoy));
  return ok && hash !== null;
}

/** A hash made with a lower cost than today's, to be replaced at the next successful sign-in. */
export function needsRehash(hash: string): boolean {
  const cost = Number(/^\$2[aby]\$(\d\d)\$/.exec(hash)?.[1] ?? BCRYPT_COST);
  return cost < BCRYPT_COST;
}
