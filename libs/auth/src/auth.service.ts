import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import bcrypt from 'bcryptjs';
import { DataSource, In, IsNull, MoreThan, type EntityManager } from 'typeorm';
import { LIMITS, Role, SUPPORTED_LOCALES, DEFAULT_TIMEZONE } from '@rapport/shared';
import { AppError, badInput, byKey, isUuid, notFound, v, type Loaders, type Member } from '@rapport/core';

import { Organization } from './entities/organization.entity.js';
import { User } from './entities/user.entity.js';
import { AuthToken } from './entities/auth-token.entity.js';
import { AuditEntry } from './entities/audit-entry.entity.js';
import type { RegisterOrganizationInput } from './dto/register-organization.input.js';

const BCRYPT_COST = 10;
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const newSecret = () => randomBytes(32).toString('base64url');

export interface NewMember {
  email: string;
  displayName: string;
  role: Role;
  password: string;
}

@Injectable()
export class AuthService {
  /** Token lifetime; TOKEN_TTL_DAYS overrides the 30-day default. */
  private readonly tokenTtlMs = Number(process.env.TOKEN_TTL_DAYS || 30) * 24 * 3600 * 1000;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async registerOrganization(input: RegisterOrganizationInput) {
    const organizationName = v.name('input.organizationName', input.organizationName);
    const locale = input.locale ?? 'fr';
    if (!(SUPPORTED_LOCALES as readonly string[]).includes(locale)) throw badInput('input.locale', 'must be "fr" or "en"');
    const member = this.checkNewMember('input', { ...input, role: Role.ORGANISER });
    const passwordHash = await bcrypt.hash(member.password, BCRYPT_COST);
    return this.db.transaction(async (em) => {
      const organization = await em.save(
        em.create(Organization, { name: organizationName, locale, timezone: DEFAULT_TIMEZONE, calendarToken: newSecret() }),
      );
      const user = await this.insertUser(em, organization.id, member, passwordHash);
      const token = await this.issueToken(em, user.id);
      return { token, user, organization };
    });
  }

  async signIn(email: string, password: string) {
    const cleanEmail = (email ?? '').trim().toLowerCase();
    const user = cleanEmail.length <= 254 ? await this.db.getRepository(User).findOneBy({ email: cleanEmail }) : null;
    // Compare even when the user is unknown, so timing does not reveal who has an account.
    const ok = await bcrypt.compare(password ?? '', user?.passwordHash ?? '$2b$10$invalidinvalidinvalidinvalidinvalidinvalidinvalidinva');
    if (!user || !ok) return null;
    const organization = await this.db.getRepository(Organization).findOneByOrFail({ id: user.organizationId });
    const token = await this.issueToken(this.db.manager, user.id);
    return { token, user, organization };
  }

  async signOut(member: Member): Promise<boolean> {
    await this.db.getRepository(AuthToken).update({ id: member.tokenId }, { revokedAt: new Date() });
    return true;
  }

  async addMember(member: Member, input: NewMember): Promise<User> {
    const checked = this.checkNewMember('', input);
    const passwordHash = await bcrypt.hash(checked.password, BCRYPT_COST);
    return this.db.transaction((em) => this.insertUser(em, member.organizationId, checked, passwordHash));
  }

  /** Resolves a bearer token to a member, or null if it is missing, expired, revoked or forged. */
  async authenticate(token: string | undefined): Promise<Member | null> {
    if (!token || token.length > 200) return null;
    // One statement per request: the token and its user together.
    const row = await this.db
      .getRepository(AuthToken)
      .createQueryBuilder('t')
      .innerJoinAndSelect('t.user', 'u')
      .where('t.token_hash = :hash AND t.revoked_at IS NULL AND t.expires_at > now()', { hash: hashToken(token) })
      .getOne();
    if (!row?.user) return null;
    return { userId: row.user.id, organizationId: row.user.organizationId, role: row.user.role, tokenId: row.id };
  }

  me(member: Member): Promise<User> {
    return this.db.getRepository(User).findOneByOrFail({ id: member.userId });
  }

  organization(member: Member): Promise<Organization> {
    return this.db.getRepository(Organization).findOneByOrFail({ id: member.organizationId });
  }

  async setMyLocale(member: Member, locale: string | null): Promise<User> {
    if (locale !== null && !(SUPPORTED_LOCALES as readonly string[]).includes(locale)) throw badInput('locale', 'must be "fr" or "en"');
    await this.db.getRepository(User).update({ id: member.userId }, { locale });
    return this.me(member);
  }

  members(member: Member): Promise<User[]> {
    return this.db.getRepository(User).find({ where: { organizationId: member.organizationId }, order: { displayName: 'ASC' } });
  }

  /** Members by id for this request (organisers of conversations, follow-up owners). */
  usersById(loaders: Loaders, member: Member) {
    return loaders.get<string, User | null>('userById', async (ids) => {
      const rows = await this.db.getRepository(User).findBy({ id: In([...ids]), organizationId: member.organizationId });
      return byKey(ids, rows, (u) => u.id);
    });
  }

  /**
   * Checks that a user id is an organiser or a leader of the caller's organisation
   * (a follow-up owner): allies receive no reminders, which name people and their promises.
   */
  async memberOfOrganization(organizationId: string, userId: string, field: string): Promise<User> {
    const user = isUuid(userId) ? await this.db.getRepository(User).findOneBy({ id: userId, organizationId }) : null;
    if (!user) throw notFound(`${field}: member`, userId);
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

  private checkNewMember(prefix: string, input: NewMember): NewMember {
    const at = (f: string) => (prefix ? `${prefix}.${f}` : f);
    const email = v.email(at('email'), input.email);
    if (!email) throw badInput(at('email'), 'must not be empty');
    const password = input.password ?? '';
    if (password.length < LIMITS.password.min) throw badInput(at('password'), `must be at least ${LIMITS.password.min} characters`);
    if (password.length > LIMITS.password.max) throw badInput(at('password'), `must be at most ${LIMITS.password.max} characters`);
    return { email, password, role: input.role, displayName: v.name(at('displayName'), input.displayName) };
  }

  private async insertUser(em: EntityManager, organizationId: string, member: NewMember, passwordHash: string) {
    const taken = await em.getRepository(User).existsBy({ email: member.email });
    if (taken) throw new AppError('BAD_USER_INPUT', 'email: an account already uses this email address', { field: 'email' });
    return em.save(em.create(User, { organizationId, email: member.email, displayName: member.displayName, role: member.role, passwordHash, locale: null }));
  }

  private async issueToken(em: EntityManager, userId: string): Promise<string> {
    const token = newSecret();
    await em.save(em.create(AuthToken, { userId, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + this.tokenTtlMs), revokedAt: null }));
    return token;
  }
}

