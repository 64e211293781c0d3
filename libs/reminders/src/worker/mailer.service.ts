import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { withoutAddresses } from '@rapport/shared';
import { REMINDER_WORKER_OPTIONS, type ReminderWorkerOptions } from './reminder-options.js';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** Extra headers, e.g. X-Rapport-Reminder to trace a reminder's email. */
  headers?: Record<string, string>;
}

/**
 * Email through SMTP_URL (a pool of connections, so bursts are not one handshake
 * per message). Without SMTP_URL, `enabled` is false and reminders stay in-app.
 */
@Injectable()
export class MailerService implements OnApplicationShutdown {
  private readonly logger = new Logger(MailerService.name);
  private readonly transport: Transporter | null;
  private readonly from: string;

  constructor(@Inject(REMINDER_WORKER_OPTIONS) options: ReminderWorkerOptions) {
    this.from = options.mailFrom;
    this.transport = options.smtpUrl
      ? nodemailer.createTransport({
          url: options.smtpUrl,
          pool: true,
          maxConnections: Math.max(1, Math.min(10, options.concurrency)),
          maxMessages: Infinity,
          // A send must end well before its claim expires, or another worker would take over.
          connectionTimeout: Math.min(30_000, options.claimTimeoutMs / 3),
          greetingTimeout: Math.min(30_000, options.claimTimeoutMs / 3),
          socketTimeout: Math.min(60_000, options.claimTimeoutMs / 2),
        })
      : null;
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  /** Sends one message; throws when the server refuses it or cannot be reached. */
  async send(mail: OutgoingMail): Promise<void> {
    if (!this.transport) return;
    try {
      await this.transport.sendMail({ from: this.from, to: mail.to, subject: mail.subject, text: mail.text, headers: mail.headers });
    } catch (error) {
      // SMTP servers quote the recipient in their refusals; this message is logged and kept in
      // Reminder.lastError, so it carries the SMTP code and reason, never the address.
      const { code, responseCode } = error as { code?: string; responseCode?: number };
      const message = withoutAddresses(error instanceof Error ? error.message : String(error));
      throw Object.assign(new Error(`email not sent${responseCode ? ` (SMTP ${responseCode})` : code ? ` (${code})` : ''}: ${message}`), { code });
    }
  }

  onApplicationShutdown() {
    this.transport?.close();
  }
}
