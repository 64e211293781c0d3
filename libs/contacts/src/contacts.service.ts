import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { LIMITS, MembershipStatus } from '@rapport/shared';
import { badInput, byKey, isUuid, v, type Loaders, type Member } from '@rapport/core';
import { findOwned, findAllOwned, selectEntities, type GetOptions } from '@rapport/db';
import { AuthService } from '@rapport/auth';
import { Contact } from './entities/contact.entity.js';
import { contactColumns, normalizeSearch, searchColumns } from './contact-fields.js';
import type { ContactFilter, ContactInput } from './dto/contact.input.js';
import type { ContactConnection } from './dto/contact-connection.type.js';

const MAX_PAGE = 200;

/**
 * The membership status filter, on the tables of libs/membership (a later context
 * this library may not import; read by table as the migrations define them): the
 * end of the latest membership against now and the organisation's grace days.
 */
function membershipCondition(query: SelectQueryBuilder<Contact>, status: MembershipStatus, at: string) {
  const latest = `(SELECT max(m.ends_at) FROM memberships m WHERE m.organization_id = c.organization_id AND m.contact_id = c.id)`;
  const grace = `make_interval(days => coalesce((SELECT s.grace_days FROM membership_settings s WHERE s.organization_id = c.organization_id), 60))`;
  const sql: Record<MembershipStatus, string> = {
    [MembershipStatus.CURRENT]: `${latest} > now()`,
    [MembershipStatus.GRACE]: `${latest} <= now() AND ${latest} > now() - ${grace}`,
    [MembershipStatus.LAPSED]: `${latest} <= now() - ${grace}`,
    [MembershipStatus.NEVER]: `${latest} IS NULL`,
  };
  if (!sql[status]) throw badInput(`${at}.membershipStatus`, 'is not a membership status');
  query.andWhere(sql[status]);
}
const encodeCursor = (c: Contact) => Buffer.from(JSON.stringify([c.sortKey, c.id])).toString('base64url');
function decodeCursor(cursor: string): [string, string] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && isUuid(value[1])) return value as [string, string];
  } catch {
    /* fall through */
  }
  throw badInput('after', 'is not a cursor returned by this list');
}

@Injectable()
export class ContactsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly auth: AuthService,
  ) {}

  /** Outside a transaction (createContact) it opens its own, so the contact and its consent audit go together. */
  create(member: Member, input: ContactInput, em?: EntityManager, at = 'input'): Promise<Contact> {
    const columns = contactColumns(at, input);
    return em ? this.insert(em, member, columns) : this.db.transaction((tx) => this.insert(tx, member, columns));
  }

  /**
   * A new contact's row, checked (BAD_USER_INPUT naming the field under `at`), as
   * column names and values: for a write that inserts it within a larger statement
   * (logConversation). `consent`: the caller audits the consent once it has the id.
   */
  newRow(member: Member, input: ContactInput, at: string): { columns: string[]; values: unknown[]; consent: boolean } {
    const contact = this.build(this.db.manager, member, contactColumns(at, input));
    const metadata = this.db.getMetadata(Contact);
    const columns: string[] = [];
    const values: unknown[] = [];
    for (const column of metadata.columns) {
      const value = column.getEntityValue(contact);
      if (value === undefined || column.isGenerated || column.isCreateDate) continue;
      columns.push(column.databaseName);
      values.push(this.db.driver.preparePersistentValue(value, column));
    }
    return { columns, values, consent: !!contact.consentGivenAt };
  }

  private async insert(em: EntityManager, member: Member, columns: Partial<Contact>): Promise<Contact> {
    const saved = await em.save(this.build(em, member, columns));
    if (saved.consentGivenAt) await this.auth.audit(em, member, 'CONSENT_CHANGE', 'Contact', saved.id);
    return saved;
  }

  private build(em: EntityManager, member: Member, columns: Partial<Contact>): Contact {
    const contact = em.create(Contact, {
      lastName: null,
      phone: null,
      email: null,
      street: null,
      building: null,
      postalCode: null,
      city: null,
      neighbourhood: null,
      languages: [],
      allyRoles: [],
      isLeader: false,
      tags: [],
      consentGivenAt: null,
      erasedAt: null,
      ...columns,
      organizationId: member.organizationId,
    });
    return Object.assign(contact, searchColumns(contact));
  }

  /** A new contact's consent, on record (who gave it): after newRow's row is written. */
  auditConsent(em: EntityManager, member: Member, contactId: string) {
    return this.auth.audit(em, member, 'CONSENT_CHANGE', 'Contact', contactId);
  }

  /**
   * The contact's row is locked (FOR UPDATE) before it is read: an erasure running
   * at the same moment either finishes first (then this answers NOT_FOUND) or waits
   * for this update and then erases what it wrote. Identity never comes back.
   */
  async update(member: Member, id: string, input: ContactInput): Promise<Contact> {
    const columns = contactColumns('input', input);
    return this.db.transaction(async (em) => {
      const contact = await this.get(member, id, { em, lock: true });
      const consentBefore = contact.consentGivenAt?.getTime() ?? null;
      Object.assign(contact, columns, { lastSeenAt: new Date() });
      Object.assign(contact, searchColumns(contact));
      const saved = await em.save(contact);
      // Consent is what lets us keep a person's data: who changed it is on record.
      if ((saved.consentGivenAt?.getTime() ?? null) !== consentBefore) await this.auth.audit(em, member, 'CONSENT_CHANGE', 'Contact', saved.id);
      return saved;
    });
  }

  /**
   * NOT_FOUND for an unknown id, an erased person, or another organisation's contact.
   * `lock`: the row stays locked (FOR UPDATE) until the transaction ends; use it
   * wherever something about the person is written, so an erasure cannot interleave.
   * PostgreSQL re-checks `erased_at IS NULL` after waiting for the lock.
   */
  get(member: Member, id: string, { em = this.db.manager, field, lock }: GetOptions = {}): Promise<Contact> {
    return findOwned(em, Contact, member.organizationId, id, { field, lock, where: { erasedAt: IsNull() } });
  }

  /** Whether the person was erased (read after a lock on something of theirs: sees committed erasures). */
  async isErased(em: EntityManager, organizationId: string, contactId: string): Promise<boolean> {
    const row = await em.findOne(Contact, { where: { id: contactId, organizationId }, select: { id: true, erasedAt: true } });
    return !row || row.erasedAt !== null;
  }

  /** Locks the person's row for an erasure; null when unknown or already erased. */
  lockForErasure(em: EntityManager, organizationId: string, contactId: string): Promise<Contact | null> {
    return em.findOne(Contact, { where: { id: contactId, organizationId, erasedAt: IsNull() }, lock: { mode: 'pessimistic_write' } });
  }

  /**
   * Erasure, this context's part: identity, address, languages, roles, tags,
   * leader flag and consent go; the row stays (anonymous), so every count stays true.
   */
  async eraseFreeTextFor(em: EntityManager, organizationId: string, contactId: string): Promise<void> {
    await em.update(
      Contact,
      { id: contactId, organizationId },
      {
        firstName: '—',
        lastName: null,
        phone: null,
        email: null,
        street: null,
        building: null,
        postalCode: null,
        city: null,
        neighbourhood: null,
        languages: [],
        allyRoles: [],
        isLeader: false,
        tags: [],
        consentGivenAt: null,
        searchText: '',
        sortKey: '~',
        erasedAt: new Date(),
      },
    );
  }

  find(member: Member, id: string): Promise<Contact | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return this.db.getRepository(Contact).findOneBy({ id, organizationId: member.organizationId, erasedAt: IsNull() });
  }

  /**
   * The organisation's living contacts matching the list's filter, unordered: the
   * contacts list pages it, the export (libs/people-data) streams it in keyset pages.
   */
  filtered(organizationId: string, filter: ContactFilter | null | undefined, at = 'filter'): SelectQueryBuilder<Contact> {
    // Bounded before anything is normalised or sent to PostgreSQL: a search is words, not a book.
    v.text(`${at}.search`, filter?.search, LIMITS.search);
    v.text(`${at}.tag`, filter?.tag, LIMITS.search);
    v.text(`${at}.neighbourhood`, filter?.neighbourhood, LIMITS.search);
    const query = this.db
      .getRepository(Contact)
      .createQueryBuilder('c')
      .where('c.organization_id = :org', { org: organizationId })
      .andWhere('c.erased_at IS NULL');
    // Every word must appear, in any order: "benali karim" finds Karim Benali.
    normalizeSearch(filter?.search ?? '')
      .split(' ')
      .filter(Boolean)
      .slice(0, 8)
      .forEach((word, i) => query.andWhere(`c.search_text LIKE :w${i}`, { [`w${i}`]: `%${word.replace(/[\\%_]/g, (m) => `\\${m}`)}%` }));
    if (filter?.allyRole) query.andWhere(':role = ANY(c.ally_roles)', { role: filter.allyRole });
    if (filter?.tag) query.andWhere(':tag = ANY(c.tags)', { tag: filter.tag.trim() });
    if (typeof filter?.isLeader === 'boolean') query.andWhere('c.is_leader = :leader', { leader: filter.isLeader });
    if (filter?.neighbourhood?.trim()) query.andWhere('lower(c.neighbourhood) = lower(:hood)', { hood: filter.neighbourhood.trim() });

    if (filter?.membershipStatus) membershipCondition(query, filter.membershipStatus, at);
    return query;
  }

  /** Keyset pagination in name order: stable while people are added. */
  async list(member: Member, filter: ContactFilter | null | undefined, first: number, after?: string | null): Promise<ContactConnection> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE)
      throw badInput('first', `must be from 1 to ${MAX_PAGE}`, 'intRange', { min: 1, max: MAX_PAGE });
    if (after && after.length > LIMITS.cursor) throw badInput('after', 'is not a cursor returned by this list');
    const query = this.filtered(member.organizationId, filter);
    const counting = query.clone();
    if (after) {
      const [sortKey, id] = decodeCursor(after);
      query.andWhere('(c.sort_key, c.id) > (:sortKey, :id)', { sortKey, id });
    }
    // The count and the page side by side: one round trip of latency, not two.
    const [totalCount, rows] = await Promise.all([
      counting.getCount(),
      query
        .orderBy('c.sort_key', 'ASC')
        .addOrderBy('c.id', 'ASC')
        .limit(first + 1)
        .getMany(),
    ]);
    const page = rows.slice(0, first);
    return {
      edges: page.map((node) => ({ node, cursor: encodeCursor(node) })),
      pageInfo: { hasNextPage: rows.length > first, endCursor: page.length ? encodeCursor(page[page.length - 1]) : null },
      totalCount,
    };
  }

  /** Contacts by id for this request, one statement for a whole list. */
  byId(loaders: Loaders, member: Member) {
    return loaders.get<string, Contact | null>('contactById', async (ids) => {
      const rows = await selectEntities(this.db.manager, Contact, 'id = ANY($1::uuid[]) AND organization_id = $2', [ids.filter(isUuid), member.organizationId]);
      return byKey(ids, rows, (c) => c.id);
    });
  }

  /**
   * Checks ids belong to the organisation (one statement), NOT_FOUND naming the
   * field otherwise; `field` may name each id's own place ("input.roles[2].contactId").
   */
  async assertAll(member: Member, ids: string[], field: string | ((id: string) => string), em: EntityManager = this.db.manager): Promise<void> {
    await findAllOwned(em, Contact, member.organizationId, ids, { field, where: { erasedAt: IsNull() } });
  }

  /** A conversation or an update means the person is still in touch (retention). */
  touch(em: EntityManager, contactId: string) {
    return em.update(Contact, { id: contactId }, { lastSeenAt: new Date() });
  }
}
