import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, MoreThan, type EntityManager } from 'typeorm';
import { Role, SUPPORTED_LOCALES, type Locale } from '@rapport/shared';
import { badInput, isUuid, notFound, v, type Member } from '@rapport/core';
import { findOwned } from '@rapport/db';
import { AuthService, hashToken, newSecret } from '../auth.service.js';
import { LoginThrottle } from '../login-throttle.service.js';
import { checkNewPassword, hashPassword } from '../passwords.js';
import { Invitation } from '../entities/invitation.entity.js';
import { PasswordReset } from '../entities/password-reset.entity.js';
import { Organization } from '../entities/organization.entity.js';
import { User } from '../entities/user.entity.js';
import { TeamMailer } from './team-mailer.service.js';
import { invitationMessage, passwordResetMessage } from './team-messages.js';

const INVITATION_MS = 7 * 24 * 3600 * 1000;
const RESET_MS = 3600 * 1000;
const BAD_LINK = 'this link is invalid, expired or already used; ask for a new one';

const asLocale = (value: string | null | undefined, fallback: Locale = 'fr'): Locale =>
  (SUPPORTED_LOCALES as readonly string[]).includes(value ?? '') ? (value as Locale) : fallback;

/**
 * The team and its access: invitations, roles, removal, passwords, sessions. Every
 * change is written to the audit log in the same transaction. Whatever takes access
 * away revokes the tokens in that transaction; the guard reads tokens and roles from
 * PostgreSQL at each request (no cache), so it counts from the very next request.
 */
@Injectable()
export class TeamService {
  private readonly logger = new Logger(TeamService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly auth: AuthService,
    private readonly throttle: LoginThrottle,
    private readonly mailer: TeamMailer,
  ) {}

  /**
   * Where links in emails point: PUBLIC_URL, else this machine. Never the request's Host
   * header, which anyone can set (a reset link to their own site would hand them the token).
   */
  private get emailBase(): string {
    return (this.auth.options.publicUrl || this.auth.options.localUrl).replace(/\/+$/, '');
  }

  pendingInvitations(member: Member): Promise<Invitation[]> {
    return this.db.getRepository(Invitation).find({
      where: { organizationId: member.organizationId, acceptedAt: IsNull(), revokedAt: IsNull(), expiresAt: MoreThan(new Date()) },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: 500,
    });
  }

  /**
   * Invites someone by email. `shownBase` is where the organiser reaches Rapport: the
   * link they are shown (when no email went out) uses it unless PUBLIC_URL is set.
   */
  async invite(member: Member, input: { email: string; displayName: string; role: Role }, shownBase: string): Promise<Invitation> {
    const email = this.auth.checkEmail('email', input.email);
    const displayName = v.name('displayName', input.displayName);
    if (!Object.values(Role).includes(input.role)) throw badInput('role', 'must be ORGANISER, LEADER or ALLY', 'enum', { values: 'ORGANISER, LEADER, ALLY' });
    const token = newSecret();
    const invitation = await this.db.transaction(async (em) => {
      await this.auth.ensureEmailFree(em, email);
      // A new invitation to the same address replaces the pending one: one live link per person.
      await em.update(Invitation, { organizationId: member.organizationId, email, acceptedAt: IsNull(), revokedAt: IsNull() }, { revokedAt: new Date() });
      const saved = await em.save(
        em.create(Invitation, {
          organizationId: member.organizationId,
          email,
          displayName,
          role: input.role,
          invitedByUserId: member.userId,
          tokenHash: hashToken(token),
          expiresAt: new Date(Date.now() + INVITATION_MS),
          acceptedAt: null,
          revokedAt: null,
        }),
      );
      await this.auth.audit(em, member, 'INVITE_MEMBER', 'INVITATION', saved.id);
      return saved;
    });

    let sent = false;
    if (this.mailer.enabled) {
      const [organization, inviter] = await Promise.all([this.auth.organization(member), this.auth.me(member)]);
      const locale = asLocale(organization.locale);
      const message = invitationMessage(locale, {
        organization: organization.name,
        inviter: inviter.displayName,
        role: invitation.role,
        url: `${this.emailBase}/invitation/${token}`,
        expiresAt: invitation.expiresAt,
      });
      sent = await this.mailer.send({ to: email, ...message, kind: 'invitation' });
    }
    // The secret leaves the server only by email, or to the organiser when no email could go.
    invitation.acceptUrl = sent ? null : `${(this.auth.options.publicUrl || shownBase).replace(/\/+$/, '')}/invitation/${token}`;
    return invitation;
  }

  async revokeInvitation(member: Member, id: string): Promise<boolean> {
    if (!isUuid(id)) throw notFound('id: invitation', String(id).slice(0, 40));
    return this.db.transaction(async (em) => {
      const result = await em.update(
        Invitation,
        { id, organizationId: member.organizationId, acceptedAt: IsNull(), revokedAt: IsNull() },
        { revokedAt: new Date() },
      );
      if (!result.affected) throw notFound('id: pending invitation', id);
      await this.auth.audit(em, member, 'REVOKE_INVITATION', 'INVITATION', id);
      return true;
    });
  }

  async acceptInvitation(token: string, password: string, displayName: string | null | undefined) {
    const checkedPassword = checkNewPassword('password', password);
    const name = displayName == null ? null : v.name('displayName', displayName);
    if (!token || token.length > 200) throw badInput('token', BAD_LINK, 'badLink');
    const passwordHash = await hashPassword(checkedPassword);
    return this.db.transaction(async (em) => {
      // The row lock makes the link work once even when it is opened twice at the same moment.
      const invitation = await em.getRepository(Invitation).findOne({ where: { tokenHash: hashToken(token) }, lock: { mode: 'pessimistic_write' } });
      if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt <= new Date()) throw badInput('token', BAD_LINK, 'badLink');
      const user = await this.auth.insertUser(
        em,
        invitation.organizationId,
        { email: invitation.email, displayName: name ?? invitation.displayName, role: invitation.role, password: checkedPassword },
        passwordHash,
      );
      await em.update(Invitation, { id: invitation.id }, { acceptedAt: new Date() });
      await this.auth.audit(em, { organizationId: invitation.organizationId, userId: user.id }, 'ACCEPT_INVITATION', 'INVITATION', invitation.id);
      return this.auth.session(user, em);
    });
  }

  /** The member, locked, with the organisation locked too: two organisers demoting each other cannot both win. */
  private async lockedMember(em: EntityManager, member: Member, userId: string): Promise<User> {
    await em.getRepository(Organization).findOne({ where: { id: member.organizationId }, lock: { mode: 'pessimistic_write' } });
    return findOwned(em, User, member.organizationId, userId, { field: 'userId', label: 'member', where: { removedAt: IsNull() } });
  }

  private async isLastOrganiser(em: EntityManager, user: User): Promise<boolean> {
    if (user.role !== Role.ORGANISER) return false;
    const organisers = await em.getRepository(User).countBy({ organizationId: user.organizationId, role: Role.ORGANISER, removedAt: IsNull() });
    return organisers <= 1;
  }

  async changeMemberRole(member: Member, userId: string, role: Role): Promise<User> {
    if (!Object.values(Role).includes(role)) throw badInput('role', 'must be ORGANISER, LEADER or ALLY', 'enum', { values: 'ORGANISER, LEADER, ALLY' });
    return this.db.transaction(async (em) => {
      const user = await this.lockedMember(em, member, userId);
      if (role !== Role.ORGANISER && (await this.isLastOrganiser(em, user))) {
        throw badInput('role', 'the last organiser of the organisation cannot be demoted; make another member organiser first', 'lastOrganiser');
      }
      if (user.role !== role) {
        // The guard reads the role from PostgreSQL at each request: the next one already uses it.
        await em.update(User, { id: user.id }, { role });
        user.role = role;
        await this.auth.audit(em, member, 'CHANGE_MEMBER_ROLE', 'USER', user.id);
      }
      return user;
    });
  }

  async removeMember(member: Member, userId: string): Promise<boolean> {
    return this.db.transaction(async (em) => {
      const user = await this.lockedMember(em, member, userId);
      if (await this.isLastOrganiser(em, user)) {
        throw badInput('userId', 'the last organiser of the organisation cannot be removed; make another member organiser first', 'lastOrganiser');
      }
      // The row stays (what they logged keeps their name); the address is released so they
      // can be invited again, and no password can match any more.
      await em.update(User, { id: user.id }, { removedAt: new Date(), email: `removed-${user.id}@removed.invalid`, passwordHash: '!removed', locale: null });
      await this.auth.revokeTokens(em, user.id);
      await em.update(PasswordReset, { userId: user.id, usedAt: IsNull() }, { usedAt: new Date() });
      // Their pending reminders would email people's promises to someone who left.
      await em.query(`UPDATE reminders SET status = 'CANCELLED' WHERE recipient_user_id = $1 AND status = 'SCHEDULED'`, [user.id]);
      await this.auth.audit(em, member, 'REMOVE_MEMBER', 'USER', user.id);
      return true;
    });
  }

  async changePassword(member: Member, currentPassword: string, newPassword: string, address: string): Promise<boolean> {
    const password = checkNewPassword('newPassword', newPassword);
    const user = await this.auth.me(member);
    const attempt = await this.throttle.attempt('change-password', user.email, address);
    if (!(await this.auth.checkPassword(user, currentPassword ?? ''))) throw badInput('currentPassword', 'is not your current password', 'currentPassword');
    await attempt.succeeded();
    const passwordHash = await hashPassword(password);
    await this.db.transaction(async (em) => {
      await em.update(User, { id: user.id }, { passwordHash });
      await this.auth.revokeTokens(em, user.id, member.tokenId);
      await em.update(PasswordReset, { userId: user.id, usedAt: IsNull() }, { usedAt: new Date() });
      await this.auth.audit(em, member, 'CHANGE_PASSWORD', 'USER', user.id);
    });
    return true;
  }

  /** Always true (no enumeration); emails a one-hour link when the address has an account and SMTP is set. */
  async requestPasswordReset(email: string, address: string): Promise<boolean> {
    const clean = this.auth.checkEmail('email', email);
    await this.throttle.attempt('password-reset', clean, address);
    const user = await this.auth.findAccount(clean);
    if (!user || !this.mailer.enabled) return true;
    const { token, organization } = await this.db.transaction(async (em) => {
      const secret = await this.auth.createPasswordReset(em, user.id, RESET_MS);
      await this.auth.audit(em, { organizationId: user.organizationId, userId: null }, 'REQUEST_PASSWORD_RESET', 'USER', user.id);
      return { token: secret, organization: await em.getRepository(Organization).findOneByOrFail({ id: user.organizationId }) };
    });
    const message = passwordResetMessage(asLocale(user.locale, asLocale(organization.locale)), {
      organization: organization.name,
      url: `${this.emailBase}/reset-password/${token}`,
    });
    // Not awaited: an answer that waits for SMTP only when the account exists would tell who has one.
    void this.mailer.send({ to: user.email, ...message, kind: 'password-reset' }).catch(() => this.logger.warn('password-reset email failed'));
    return true;
  }

  async resetPassword(token: string, newPassword: string) {
    const password = checkNewPassword('newPassword', newPassword);
    if (!token || token.length > 200) throw badInput('token', BAD_LINK, 'badLink');
    const passwordHash = await hashPassword(password);
    return this.db.transaction(async (em) => {
      const reset = await em.getRepository(PasswordReset).findOne({ where: { tokenHash: hashToken(token) }, lock: { mode: 'pessimistic_write' } });
      if (!reset || reset.usedAt || reset.expiresAt <= new Date()) throw badInput('token', BAD_LINK, 'badLink');
      const user = await em.getRepository(User).findOneBy({ id: reset.userId, removedAt: IsNull() });
      if (!user) throw badInput('token', BAD_LINK, 'badLink');
      await em.update(PasswordReset, { userId: user.id, usedAt: IsNull() }, { usedAt: new Date() });
      await em.update(User, { id: user.id }, { passwordHash });
      await this.auth.revokeTokens(em, user.id);
      await this.auth.audit(em, { organizationId: user.organizationId, userId: user.id }, 'RESET_PASSWORD', 'USER', user.id);
      return this.auth.session(user, em);
    });
  }

  async signOutEverywhere(member: Member): Promise<boolean> {
    await this.db.transaction(async (em) => {
      await this.auth.revokeTokens(em, member.userId);
      await this.auth.audit(em, member, 'SIGN_OUT_EVERYWHERE', 'USER', member.userId);
    });
    return true;
  }
}
