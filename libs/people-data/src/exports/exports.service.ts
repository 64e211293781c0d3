import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import ExcelJS from 'exceljs';
import { badInput, type Member } from '@rapport/core';
import { ExportFormat, Role } from '@rapport/shared';
import { AuthService } from '@rapport/auth';
import { ContactsService, type ContactFilter } from '@rapport/contacts';
import { ContactExport } from '../entities/contact-export.entity.js';
import { EXPORT_COLUMNS, EXPORT_TYPES, localeOf, type ExportRow } from './export-columns.js';
import { csvLine, neutralise, UTF8_BOM } from './cells.js';

/** How long an export link works. */
export const EXPORT_TTL_MS = 10 * 60 * 1000;
/** Rows read per statement: memory holds one page, never the list. */
export const EXPORT_PAGE = 1000;

/** The contact's columns the export reads, and their names in a row. */
const COLUMNS: Array<[string, keyof ExportRow]> = [
  ['sort_key', 'sortKey'],
  ['first_name', 'firstName'],
  ['last_name', 'lastName'],
  ['phone', 'phone'],
  ['email', 'email'],
  ['street', 'street'],
  ['building', 'building'],
  ['postal_code', 'postalCode'],
  ['city', 'city'],
  ['neighbourhood', 'neighbourhood'],
  ['languages', 'languages'],
  ['ally_roles', 'allyRoles'],
  ['is_leader', 'isLeader'],
  ['tags', 'tags'],
  ['consent_given_at', 'consentGivenAt'],
];

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/** What a download link found: the export to stream, or why there is none. */
export type Claim = { ok: true; export: ContactExport; locale: 'fr' | 'en' } | { ok: false; status: 404 | 410 };

@Injectable()
export class ExportsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly contacts: ContactsService,
    private readonly auth: AuthService,
  ) {}

  /**
   * A one-time link to the filtered list (ORGANISER: the permission map). The filter
   * is checked now, with the list's own rules; the secret is returned once and stored
   * as SHA-256; the export is audited (EXPORT_CONTACTS) when asked for.
   */
  async create(member: Member, filter: ContactFilter | null | undefined, format: ExportFormat): Promise<string> {
    if (!Object.values(ExportFormat).includes(format)) throw badInput('format', 'must be CSV or XLSX', 'enum', { values: 'CSV, XLSX' });
    this.contacts.filtered(member.organizationId, filter, 'filter'); // validates, throws BAD_USER_INPUT naming the field
    const token = randomBytes(32).toString('base64url');
    const saved = await this.db.transaction(async (em) => {
      const row = await em.save(
        em.create(ContactExport, {
          organizationId: member.organizationId,
          createdByUserId: member.userId,
          tokenHash: hash(token),
          format,
          filter: { ...(filter ?? {}) },
          expiresAt: new Date(Date.now() + EXPORT_TTL_MS),
          usedAt: null,
        }),
      );
      await this.auth.audit(em, member, 'EXPORT_CONTACTS', 'ContactExport', row.id);
      return row;
    });
    // Absolute with PUBLIC_URL; otherwise relative to the api the caller reached.
    const base = (this.auth.options.publicUrl ?? '').replace(/\/+$/, '');
    return `${base}/exports/${saved.id}.${token}`;
  }

  /**
   * Spends the link: the first request wins (a conditional UPDATE), later ones and
   * expired links get 410, unknown ones 404. The member who asked must still be an
   * organiser of the organisation (a member removed in the meantime gets 410).
   */
  async claim(link: string): Promise<Claim> {
    const match = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/.exec(link);
    if (!match) return { ok: false, status: 404 };
    const [, id, token] = match;
    const claimed: ContactExport[] = await this.db
      .createQueryBuilder()
      .update(ContactExport)
      .set({ usedAt: () => 'now()' })
      .where('id = :id AND token_hash = :hash AND used_at IS NULL AND expires_at > now()', { id, hash: hash(token) })
      .returning('*')
      .execute()
      .then((r) => (r.raw as Array<Record<string, unknown>>).map((raw) => this.db.getRepository(ContactExport).create(fromRaw(raw))));
    if (!claimed.length) {
      const known = await this.db.getRepository(ContactExport).existsBy({ id, tokenHash: hash(token) });
      return { ok: false, status: known ? 410 : 404 };
    }
    const row = claimed[0];
    const [who]: Array<{ role: string; locale: string | null }> = await this.db.query(
      `SELECT u.role, coalesce(u.locale, o.locale) AS locale FROM users u JOIN organizations o ON o.id = u.organization_id
        WHERE u.id = $1 AND u.organization_id = $2 AND u.removed_at IS NULL`,
      [row.createdByUserId, row.organizationId],
    );
    if (!who || who.role !== Role.ORGANISER) return { ok: false, status: 410 };
    return { ok: true, export: row, locale: localeOf(who.locale) };
  }

  fileName(format: ExportFormat, now = new Date()): string {
    return `rapport-contacts-${now.toISOString().slice(0, 10)}.${EXPORT_TYPES[format].extension}`;
  }

  /** The rows, keyset page by keyset page in name order, with the list's filter. */
  async *rows(row: ContactExport): AsyncGenerator<ExportRow[]> {
    const base = this.contacts.filtered(row.organizationId, row.filter as ContactFilter, 'filter').select('c.id', 'id');
    for (const [column, alias] of COLUMNS) base.addSelect(`c.${column}`, alias);
    base
      .addSelect(`(SELECT max(m.ends_at) FROM memberships m WHERE m.organization_id = c.organization_id AND m.contact_id = c.id)`, 'membershipEndsAt')
      .addSelect(`(SELECT max(v.occurred_at) FROM conversations v WHERE v.organization_id = c.organization_id AND v.contact_id = c.id)`, 'lastConversationAt');
    const grace: Array<{ days: number }> = await this.db.query(
      `SELECT coalesce((SELECT grace_days FROM membership_settings WHERE organization_id = $1), 60)::int AS days`,
      [row.organizationId],
    );
    const graceMs = grace[0].days * 24 * 3600 * 1000;
    let after: { sortKey: string; id: string } | null = null;
    for (;;) {
      const page = base.clone();
      if (after) page.andWhere('(c.sort_key, c.id) > (:afterKey, :afterId)', { afterKey: after.sortKey, afterId: after.id });
      const raw: Array<Record<string, unknown>> = await page.orderBy('c.sort_key', 'ASC').addOrderBy('c.id', 'ASC').limit(EXPORT_PAGE).getRawMany();
      if (!raw.length) return;
      const now = Date.now();
      yield raw.map((r) => {
        const endsAt = (r.membershipEndsAt as Date | null) ?? null;
        const status = !endsAt ? 'NEVER' : endsAt.getTime() > now ? 'CURRENT' : endsAt.getTime() + graceMs > now ? 'GRACE' : 'LAPSED';
        return {
          ...(Object.fromEntries(COLUMNS.map(([, alias]) => [alias, r[alias] ?? null])) as Omit<
            ExportRow,
            'id' | 'membershipStatus' | 'membershipEndsAt' | 'lastConversationAt'
          >),
          id: r.id as string,
          membershipStatus: status,
          membershipEndsAt: endsAt,
          lastConversationAt: (r.lastConversationAt as Date | null) ?? null,
        };
      });
      if (raw.length < EXPORT_PAGE) return;
      const last = raw[raw.length - 1];
      after = { sortKey: last.sortKey as string, id: last.id as string };
    }
  }

  /** Writes the file to `out` as it is read: one page in memory at a time, waiting for the socket to drain. */
  async write(row: ContactExport, locale: 'fr' | 'en', out: Writable): Promise<void> {
    const headers = EXPORT_COLUMNS.map((c) => c.header[locale]);
    if (row.format === ExportFormat.XLSX) {
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
      const sheet = workbook.addWorksheet('Contacts');
      sheet.addRow(headers).commit();
      for await (const page of this.rows(row)) {
        if (out.destroyed) return;
        for (const r of page) sheet.addRow(EXPORT_COLUMNS.map((c) => neutralise(c.value(r, locale)))).commit();
        if (out.writableNeedDrain) await once(out, 'drain');
      }
      sheet.commit();
      await workbook.commit();
      return;
    }
    out.write(UTF8_BOM + csvLine(headers));
    for await (const page of this.rows(row)) {
      if (out.destroyed) return;
      const chunk = page.map((r) => csvLine(EXPORT_COLUMNS.map((c) => c.value(r, locale)))).join('');
      if (!out.write(chunk)) await once(out, 'drain');
    }
    out.end();
  }
}

/** RETURNING * gives column names; the entity wants its properties. */
function fromRaw(raw: Record<string, unknown>): Partial<ContactExport> {
  return {
    id: raw.id as string,
    organizationId: raw.organization_id as string,
    createdAt: raw.created_at as Date,
    tokenHash: raw.token_hash as string,
    createdByUserId: raw.created_by_user_id as string,
    format: raw.format as string,
    filter: raw.filter as Record<string, unknown>,
    expiresAt: raw.expires_at as Date,
    usedAt: raw.used_at as Date | null,
  };
}
