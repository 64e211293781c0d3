import { EventEmitter } from 'node:events';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

/** A message the sink accepted (answered 250 to a client still connected). */
export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  headers: Record<string, string>;
  /** X-Rapport-Reminder: the reminder this email is for. */
  reminderId?: string;
  at: Date;
}

export interface SmtpSinkOptions {
  /** How long to wait before answering the n-th message (1-based), e.g. to kill a worker mid-send. */
  delayMs?: (n: number) => number;
  /** An SMTP error text to refuse a message with (it is then not received). */
  reject?: (n: number, mail: ReceivedMail) => string | null;
}

function decodeWords(value: string): string {
  return value.replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=\s*/g, (_, _charset: string, enc: string, text: string) =>
    enc.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(
          text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
          'latin1',
        ).toString('utf8'),
  );
}

function decodeBody(body: string, encoding: string | undefined): string {
  if (/quoted-printable/i.test(encoding ?? '')) {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  if (/base64/i.test(encoding ?? '')) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  return body;
}

export function parseMail(raw: string, session: SMTPServerSession): ReceivedMail {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = decodeWords(line.slice(colon + 1).trim());
  }
  return {
    from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
    to: session.envelope.rcptTo.map((r) => r.address),
    subject: headers.subject ?? '',
    text: decodeBody(raw.slice(split + 4), headers['content-transfer-encoding']).replace(/\r\n/g, '\n'),
    headers,
    reminderId: headers['x-rapport-reminder'],
    at: new Date(),
  };
}

export type SmtpSink = Awaited<ReturnType<typeof startSmtpSink>>;

/**
 * A real SMTP server on loopback that keeps what it accepts. A message counts as
 * received only when the sink answered 250 to a client still connected: a worker
 * killed before the answer has not delivered (as with a real server's commit point).
 */
export async function startSmtpSink(options: SmtpSinkOptions = {}) {
  const messages: ReceivedMail[] = [];
  const events = new EventEmitter();
  const closed = new Set<string>();
  let dataCount = 0;
  let stopped = false;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 10 * 1024 * 1024,
    maxClients: 200,
    onClose(session) {
      closed.add(session.id);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', async () => {
        const n = ++dataCount;
        events.emit('data', n, session.id);
        const delay = options.delayMs?.(n) ?? 0;
        // Wait, but stop waiting as soon as the client is gone (a killed worker).
        for (const end = Date.now() + delay; Date.now() < end && !closed.has(session.id) && !stopped;) await new Promise((r) => setTimeout(r, 50));
        if (closed.has(session.id)) return callback(new Error('client gone'));
        const mail = parseMail(Buffer.concat(chunks).toString('utf8'), session);
        const refusal = options.reject?.(n, mail);
        if (refusal) return callback(Object.assign(new Error(refusal), { responseCode: 550 }));
        messages.push(mail);
        callback();
        events.emit('mail', mail);
      });
    },
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const port = (server.server.address() as AddressInfo).port;

  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    events,
    /** How many messages reached the end of DATA (accepted or not). */
    get dataCount() {
      return dataCount;
    },
    /** Resolves once `count` messages are received (rejects after `timeoutMs`). */
    waitFor(count: number, timeoutMs = 30_000): Promise<ReceivedMail[]> {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (messages.length >= count) {
            clearTimeout(timer);
            events.off('mail', check);
            resolve(messages);
          }
        };
        const timer = setTimeout(() => {
          events.off('mail', check);
          reject(new Error(`expected ${count} email(s) within ${timeoutMs} ms, got ${messages.length}`));
        }, timeoutMs);
        events.on('mail', check);
        check();
      });
    },
    /** Resolves when the n-th message reached the end of DATA (before the answer). */
    waitForData(n: number, timeoutMs = 30_000): Promise<void> {
      return new Promise((resolve, reject) => {
        if (dataCount >= n) return resolve();
        const timer = setTimeout(() => reject(new Error(`no DATA #${n} within ${timeoutMs} ms`)), timeoutMs);
        const on = (count: number) => {
          if (count >= n) {
            clearTimeout(timer);
            events.off('data', on);
            resolve();
          }
        };
        events.on('data', on);
      });
    },
    /** reminder id → number of emails received for it. */
    countByReminder(): Map<string, number> {
      const counts = new Map<string, number>();
      for (const m of messages) if (m.reminderId) counts.set(m.reminderId, (counts.get(m.reminderId) ?? 0) + 1);
      return counts;
    },
    close: () => {
      stopped = true;
      return new Promise<void>((done) => server.close(() => done()));
    },
  };
}
