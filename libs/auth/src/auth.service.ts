import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { Role, SUPPORTED_LOCALES, DEFAULT_TIMEZONE } from '@rapport/shared';
import { AppError, badInput, byKey, isUuid, v, type Loaders, type Member } from '@rapport/core';
import { columnList, findOwned, hydrate, preparedQuery, selectEntities } from '@rapport/db';

import { Organization } from './entities/organization.entity.js';
import { User } from './entities/user.entity.js';
import { AuthToken } from './entities/auth-token.entity.js';
import { AuditEntry } from './entities/audit-entry.entity.js';
import { PasswordReset } from './entities/password-reset.entity.js';
import type { RegisterOrganizationInput } from './dto/register-organization.input.js';
import { AUTH_OPTIONS, DEFAULT_AUTH_OPTIONS, type AuthOptions } from './auth-options.js';
import { checkNewPassword, hashPassword, needsRehash, passwordChecks, verifyPassword } from './passwords.js';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const newSecret = () => randomBytes(32).toString('base64url');

export interface NewMember {
  email: string;
  displayName: string;
  role: Role;
  password: string;
}

@Injectable()
export class AuthService {
  readonly options: AuthOptions;
  private readonly tokenTtlMs: number;
  private readonly signedInUsers = new WeakMap<Member, User>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Optional() @Inject(AUTH_OPTIONS) options?: AuthOptions,
  ) {
    this.options = options ?? DEFAULT_AUTH_OPTIONS;
    this.tokenTtlMs = this.options.tokenTtlDays * 24 * 3600 * 1000;
  }

  /** bcrypt comparisons made by this process so far (the sign-in limit tests count them). */
  get passwordChecks(): number {
    return passwordChecks.count;
  }

  /** Checks a registration before any work is spent on it (and before it is counted). */
  checkRegistration(input: RegisterOrganizationInput) {
    const organizationName = v.name('input.organizationName', input.organizationName);
    const locale = input.locale ?? 'fr';
    if (!(SUPPORTED_LOCALES as readonly string[]).includes(locale)) throw badInput('input.locale', 'must be "fr" or "en"', 'enum', { values: 'fr, en' });
    const member = this.checkNewMember('input', { ...input, role: Role.ORGANISER });
    return { organizationName, locale, member };
  }

  /** Public self-registration; FORBIDDEN when RAPPORT_REGISTRATION=closed. */
  registrationOpen(): void {
    if (this.options.registration === 'closed') {
      throw new AppError('FORBIDDEN', 'registerOrganization: registration is closed on this instance; its operator creates organisations (npm run org:create)');
    }
  }

  /** A new organisation and its first organiser, signed in (registerOrganization and org:create). */
  async createOrganization(checked: ReturnType<AuthService['checkRegistration']>) {
    const passwordHash = await hashPassword(checked.member.password);
    return this.db.transaction(async (em) => {
      const organization = await em.save(
        em.create(Organization, { name: checked.organizationName, locale: checked.locale, timezone: DEFAULT_TIMEZONE, calendarToken: newSecret() }),
      );
      const user = await this.insertUser(em, organization.id, checked.member, passwordHash);
      const token = await this.issueToken(em, user.id);
      return { token, user, organization };
    });
  }

  /** The active account with this email, if any (removed members have none). */
  findAccount(email: string): Promise<User | null> {
    const cleanEmail = (email ?? '').trim().toLowerCase();
    if (!cleanEmail || cleanEmail.length > 254) return Promise.resolve(null);
    return this.db.getRepository(User).findOneBy({ email: cleanEmail, removedAt: IsNull() });
  }

  /** One password check (bcrypt, counted); upgrades hashes of an older cost when it matches. */
  async checkPassword(user: User | null, password: string): Promise<boolean> {
    // Compare even when the user is unknown, so timing does not reveal who has an account.
    const ok = await verifyPassword(password, user?.passwordHash ?? null);
    if (ok && user && needsRehash(user.passwordHash)) {
      user.passwordHash = await hashPassword(password);
      await this.db.getRepository(User).update({ id: user.id }, { passwordHash: user.passwordHash });
    }
    return ok;
  }

  /** Signs in; null when the email or the password is wrong. The caller has consumed an attempt. */
  async signIn(email: string, password: string) {
    const user = await this.findAccount(email);
    const ok = await this.checkPassword(user, password);
    if (!user || !ok) return null;
    return this.session(user);
  }

  /** A new token for this user, with what the web app needs. */
  async session(user: User, em: EntityManager = this.db.manager) {
    const organization = await em.getRepository(Organization).findOneByOrFail({ id: user.organizationId });
    const token = await this.issueToken(em, user.id);
    return { token, user, organization };
  }

  async signOut(member: Member): Promise<boolean> {
    await this.db.getRepository(AuthToken).update({ id: member.tokenId }, { revokedAt: new Date() });
    return true;
  }

  async addMember(member: Member, input: NewMember): Promise<User> {
    const checked = this.checkNewMember('', input);
    const passwordHash = await hashPassword(checked.password);
    return this.db.transaction(async (em) => {
      const user = await this.insertUser(em, member.organizationId, checked, passwordHash);
      await this.audit(em, member, 'ADD_MEMBER', 'USER', user.id);
      return user;
    });
  }

  /** Whether this member is an instance operator (RAPPORT_OPERATORS): the queues board. */
  async isOperator(member: Member): Promise<boolean> {
    if (!this.options.operators.length) return false;
    const user = await this.db.getRepository(User).findOneBy({ id: member.userId });
    return !!user && this.options.operators.includes(user.email.toLowerCase());
  }

  /** Resolves a bearer token to a member, or null if it is missing, expired, revoked or forged. */
  async authenticate(token: string | undefined): Promise<Member | null> {
    if (!token || token.length > 200) return null;
    // One statement per request: the token and its user together. Plain SQL: this runs on
    // every request, and the query builder's work showed in the profile of `{ me { id } }`.
    // No cache: a revoked token, a removed member or a changed role counts from the next request.
    // A prepared statement: PostgreSQL plans it once per connection, not at every request.
    const [row] = (await preparedQuery(
      this.db,
      `SELECT t.id AS token_id, ${columnList(this.db.manager, User, 'u')}
         FROM auth_tokens t JOIN users u ON u.id = t.user_id
        WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND t.expires_at > now() AND u.removed_at IS NULL`,
      [hashToken(token)],
    )) as Array<{ token_id: string; id: string; organization_id: string; role: Role }>;
    if (!row) return null;
    const member: Member = { userId: row.id, organizationId: row.organization_id, role: row.role, tokenId: row.token_id };
    // The user as read by this request's token check: `{ me }` answers from it, with no second statement.
    this.signedInUsers.set(member, hydrate(this.db.manager, User, row));
    return member;
  }

  /** The caller's user, as read with their token on this request (the member object lives as long as the request). */
  signedIn(member: Member): Promise<User> {
    const user = this.signedInUsers.get(member);
    return user ? Promise.resolve(user) : this.me(member);
  }

  /** The caller's user, read now (after a change made by this request). */
  me(member: Member): Promise<User> {
    return this.db.getRepository(User).findOneByOrFail({ id: member.userId });
  }

  organization(member: Member): Promise<Organization> {
    return this.db.getRepository(Organization).findOneByOrFail({ id: member.organizationId });
  }

  async setMyLocale(member: Member, locale: string | null): Promise<User> {
    if (locale !== null && !(SUPPORTED_LOCALES as readonly string[]).includes(locale))
      throw badInput('locale', 'must be "fr" or "en"', 'enum', { values: 'fr, en' });
    await this.db.getRepository(User).update({ id: member.userId }, { locale });
    return this.me(member);
  }

  members(member: Member): Promise<User[]> {
    return this.db.getRepository(User).find({ where: { organizationId: member.organizationId, removedAt: IsNull() }, order: { displayName: 'ASC' } });
  }

  /** Members by id for this request (organisers of conversations, follow-up owners). */
  usersById(loaders: Loaders, member: Member) {
    return loaders.get<string, User | null>('userById', async (ids) => {
      const rows = await selectEntities(this.db.manager, User, 'id = ANY($1::uuid[]) AND organization_id = $2', [ids.filter(isUuid), member.organizationId]);
      return byKey(ids, rows, (u) => u.id);
    });
  }

  /**
   * Checks that a user id is an organiser or a leader of the caller's organisation
   * (a follow-up owner): allies receive no reminders, which name people and their promises.
   */
  async memberOfOrganization(organizationId: string, userId: string, field: string): Promise<User> {
    const user = await findOwned(this.db.manager, User, organizationId, userId, { field, label: 'member' });
    if (user.role === Role.ALLY) throw badInput(field, 'must be an organiser or a leader: allies receive no reminders');
    return user;
  }

  async rotateCalendarFeed(member: Member): Promise<Organization> {
    await this.db.getRepository(Organization).update({ id: member.organizationId }, { calendarToken: newSecret() });
    return this.organization(member);
  }

  async organizationByCalendarToken(token: string): Promise<Organization | null> {
    if (!token || token.length > 100) return null;
    return this.db.getRepository(Organization).findOneBy({ calendarToken: token });
  }

  audit(em: EntityManager, member: Pick<Member, 'organizationId'> & { userId: string | null }, action: string, subjectType: string, subjectId: string) {
    return em.save(em.create(AuditEntry, { organizationId: member.organizationId, actorUserId: member.userId, action, subjectType, subjectId }));
  }

  auditLog(member: Member): Promise<AuditEntry[]> {
    return this.db.getRepository(AuditEntry).find({ where: { organizationId: member.organizationId }, order: { createdAt: 'DESC' }, take: 500 });
  }

  checkNewMember(prefix: string, input: NewMember): NewMember {
    const at = (f: string) => (prefix ? `${prefix}.${f}` : f);
    const email = this.checkEmail(at('email'), input.email);
    const password = checkNewPassword(at('password'), input.password);
    return { email, password, role: input.role, displayName: v.name(at('displayName'), input.displayName) };
  }

  checkEmail(field: string, value: string | null | undefined): string {
    const email = v.email(field, value);
    if (!email) throw badInput(field, 'must not be empty', 'required');
    return email;
  }

  /** Same message whichever organisation holds the address: no enumeration beyond what was typed. */
  async ensureEmailFree(em: EntityManager, email: string, field = 'email'): Promise<void> {
    const taken = await em.getRepository(User).existsBy({ email });
    if (taken) throw badInput(field, 'an account already uses this email address', 'emailTaken');
  }

  async insertUser(em: EntityManager, organizationId: string, member: NewMember, passwordHash: string, field = 'email') {
    await this.ensureEmailFree(em, member.email, field);
    return em.save(
      em.create(User, { organizationId, email: member.email, displayName: member.displayName, role: member.role, passwordHash, locale: null, removedAt: null }),
    );
  }

  /** Revokes every live token of a user, but `keepTokenId` (the session that asked). */
  async revokeTokens(em: EntityManager, userId: string, keepTokenId?: string): Promise<void> {
    const qb = em
      .createQueryBuilder()
      .update(AuthToken)
      .set({ revokedAt: () => 'now()' })
      .where('user_id = :userId AND revoked_at IS NULL', { userId });
    if (keepTokenId) qb.andWhere('id <> :keep', { keep: keepTokenId });
    await qb.execute();
  }

  /** A one-time password-reset secret for this user, valid `validMs`; only its hash is stored. */
  async createPasswordReset(em: EntityManager, userId: string, validMs: number): Promise<string> {
    const token = newSecret();
    await em.save(em.create(PasswordReset, { userId, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + validMs), usedAt: null }));
    return token;
  }

  async issueToken(em: EntityManager, userId: string): Promise<string> {
    const token = newSecret();
    await em.save(em.create(AuthToken, { userId, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + this.tokenTtlMs), revokedAt: null }));
    return token;
  }
}
