import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { badInput, isUuid, type Member } from '@rapport/core';
import { ownedNotFound } from '@rapport/db';
import { AuthService } from '@rapport/auth';
import { Contact, searchColumns } from '@rapport/contacts';
import { ContactMerge } from '../entities/contact-merge.entity.js';
import { planMerge } from './merge-fields.js';

/**
 * Where a contact's history lives: every column that points at a contact, as the
 * migrations define them (this context may not import the later ones). A test
 * (tests/src/integration/duplicates.spec.ts) reads every foreign key to `contacts`
 * from PostgreSQL and fails if one is missing here, so a new table cannot be
 * forgotten by merges.
 */
export const CONTACT_REFERENCES: ReadonlyArray<{ table: string; column: string; unique?: string }> = [
  { table: 'conversations', column: 'contact_id' },
  { table: 'commitments', column: 'contact_id' },
  // (action_id, contact_id) is unique: handled before the move (the stronger answer stays).
  { table: 'action_participants', column: 'contact_id', unique: 'action_id' },
  { table: 'memberships', column: 'contact_id' },
  { table: 'memberships', column: 'funded_by_contact_id' },
  { table: 'dues_payments', column: 'payer_contact_id' },
  { table: 'cases', column: 'contact_id' }, // case steps and reminders follow their case
  // (session_id, contact_id) is unique: one attendance per session stays.
  { table: 'session_attendance', column: 'contact_id', unique: 'session_id' },
  // The person last talked to at a door (libs/turf).
  { table: 'doors', column: 'contact_id' },
  // Tables of this context: a dismissed pair with the dropped record goes with it (CASCADE).
  { table: 'dismissed_duplicates', column: 'contact_a_id' },
  { table: 'dismissed_duplicates', column: 'contact_b_id' },
];

/** From weakest to strongest: a person who came stays "came" whichever record said so. */
const PARTICIPATION_STRENGTH = `ARRAY['INVITED','NO_SHOW','COMMITTED','ATTENDED']::text[]`;

@Injectable()
export class MergeService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly auth: AuthService,
  ) {}

  /**
   * Folds `dropId` into `keepId` in one transaction: both rows are locked (in id
   * order, so two merges cannot deadlock), every row about the dropped person moves,
   * the kept record's empty fields are filled, the dropped row is deleted, and the
   * merge is audited (MERGE_CONTACT on the kept contact) and recorded (contact_merges).
   */
  async merge(member: Member, keepId: string, dropId: string): Promise<Contact> {
    if (keepId === dropId) throw badInput('dropId', 'keepId and dropId are the same contact: choose two different people', 'duplicate');
    if (!isUuid(keepId)) throw ownedNotFound('keepId', 'contact', keepId);
    if (!isUuid(dropId)) throw ownedNotFound('dropId', 'contact', dropId);
    return this.db.transaction(async (em) => {
      const locked = await em
        .createQueryBuilder(Contact, 'c')
        .where('c.organization_id = :org AND c.id IN (:...ids) AND c.erased_at IS NULL', { org: member.organizationId, ids: [keepId, dropId] })
        .orderBy('c.id')
        .setLock('pessimistic_write')
        .getMany();
      const keep = locked.find((c) => c.id === keepId);
      const drop = locked.find((c) => c.id === dropId);
      if (!keep) throw ownedNotFound('keepId', 'contact', keepId);
      if (!drop) throw ownedNotFound('dropId', 'contact', dropId);

      const moved = await this.moveHistory(em, member.organizationId, keepId, dropId);
      const plan = planMerge(keep, drop);
      const consentBefore = keep.consentGivenAt?.getTime() ?? null;
      Object.assign(keep, plan.columns, { lastSeenAt: keep.lastSeenAt > drop.lastSeenAt ? keep.lastSeenAt : drop.lastSeenAt });
      Object.assign(keep, searchColumns(keep));
      await em.delete(Contact, { id: dropId, organizationId: member.organizationId });
      const saved = await em.save(keep);

      await em.save(
        em.create(ContactMerge, {
          organizationId: member.organizationId,
          keptContactId: keepId,
          droppedContactId: dropId,
          mergedByUserId: member.userId,
          filledFields: plan.filled,
          lostValues: plan.lost,
          moved,
        }),
      );
      await this.auth.audit(em, member, 'MERGE_CONTACT', 'Contact', keepId);
      if ((saved.consentGivenAt?.getTime() ?? null) !== consentBefore) await this.auth.audit(em, member, 'CONSENT_CHANGE', 'Contact', keepId);
      return saved;
    });
  }

  /** Moves every row about `dropId` to `keepId`; returns how many moved, by table. */
  private async moveHistory(em: EntityManager, org: string, keepId: string, dropId: string): Promise<Record<string, number>> {
    const moved: Record<string, number> = {};
    const count = (key: string, result: unknown) => {
      // em.query answers [rows, affected] for UPDATE/DELETE with the pg driver.
      const affected = Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
      if (affected) moved[key] = (moved[key] ?? 0) + affected;
    };
    const params = [org, keepId, dropId];

    // Both were asked to the same action: the kept row takes the stronger answer, the other goes.
    count(
      'action_participants.merged',
      await em.query(
        `UPDATE action_participants k SET status = d.status, updated_at = now()
           FROM action_participants d
          WHERE k.organization_id = $1 AND k.contact_id = $2 AND d.organization_id = $1 AND d.contact_id = $3 AND d.action_id = k.action_id
            AND array_position(${PARTICIPATION_STRENGTH}, d.status) > array_position(${PARTICIPATION_STRENGTH}, k.status)`,
        params,
      ),
    );
    await em.query(
      `DELETE FROM action_participants d USING action_participants k
        WHERE d.organization_id = $1 AND d.contact_id = $3 AND k.organization_id = $1 AND k.contact_id = $2 AND k.action_id = d.action_id`,
      params,
    );
    // Both marked present at the same session: one attendance stays.
    await em.query(
      `DELETE FROM session_attendance d USING session_attendance k
        WHERE d.organization_id = $1 AND d.contact_id = $3 AND k.organization_id = $1 AND k.contact_id = $2 AND k.session_id = d.session_id`,
      params,
    );
    for (const { table, column } of CONTACT_REFERENCES) {
      if (table === 'dismissed_duplicates') continue;
      count(table, await em.query(`UPDATE ${table} SET ${column} = $2 WHERE organization_id = $1 AND ${column} = $3`, params));
    }
    // The dropped person paid for the kept one: that is now their own membership.
    await em.query(`UPDATE memberships SET funded_by_contact_id = NULL WHERE organization_id = $1 AND contact_id = $2 AND funded_by_contact_id = $2`, [
      org,
      keepId,
    ]);
    // Roles in negotiation briefs (jsonb): the dropped id becomes the kept one, a role held twice is kept once.
    count(
      'negotiations.briefRoles',
      await em.query(
        `UPDATE negotiations n SET brief_roles = (
            SELECT coalesce(jsonb_agg(e ORDER BY first_at), '[]'::jsonb) FROM (
              SELECT e, min(ord) AS first_at FROM (
                SELECT CASE WHEN r->>'contactId' = $3 THEN jsonb_set(r, '{contactId}', to_jsonb($2::text)) ELSE r END AS e, ord
                  FROM jsonb_array_elements(n.brief_roles) WITH ORDINALITY AS x(r, ord)) y
               GROUP BY e) z)
          WHERE n.organization_id = $1 AND n.brief_roles @> jsonb_build_array(jsonb_build_object('contactId', $3::text))`,
        params,
      ),
    );
    return moved;
  }
}
