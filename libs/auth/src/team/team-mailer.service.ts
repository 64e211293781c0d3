import { Inject, Injectable, Logger, Optional, type OnApplicationShutdown } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { AUTH_OPTIONS, DEFAULT_AUTH_OPTIONS, type AuthOptions } from '../auth-options.js';

/**
 * Invitation and password-reset emails, through SMTP_URL as the reminders send theirs.
 * Without SMTP_URL, `enabled` is false: the organiser is shown the invitation link,
 * and a forgotten password needs an organiser (or the operator's org:create).
 */
@Injectable()
export class TeamMailer implements OnApplicationShutdown {
  private readonly logger = new Logger(TeamMailer.name);
  private readonly transport: Transporter | null;
  private readonly from: string;

  constructor(@Optional() @Inject(AUTH_OPTIONS) options?: AuthOptions) {
    const config = options ?? DEFAULT_AUTH_OPTIONS;
    this.from = config.mailFrom;
    this.transport = config.smtpUrl
      ? nodemailer.createTransport({
          url: config.smtpUrl,
          pool: true,
          maxConnections: 2,
          connectionTimeout: 10_000,
          greetingTimeout: 10_000,
          socketTimeout: 20_000,
        })
      : null;
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  /** Sends; false when it could not (logged without the address: it is personal data). */
  async send(mail: { to: string; subject: string; text: string; kind: string }): Promise<boolean> {
    if (!this.transport) return false;
    try {
      await this.transport.sendMail({ from: this.from, to: mail.to, subject: mail.subject, text: mail.text, headers: { 'X-Rapport-Mail': mail.kind } });
      return true;
    } catch (error) {
      const code = (error as { code?: string; responseCode?: number }).responseCode ?? (error as { code?: string }).code ?? 'unknown';
      this.logger.warn(`${mail.kind} email not sent (SMTP ${code})`);
      return false;
    }
  }

  onApplicationShutdown() {
    this.transport?.close();
  }
}
