import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { badInput, isUuid, type Member } from '@rapport/core';
import { ownedNotFound } from '@rapport/db';
import { Contact } from '@rapport/contacts';
import type { DuplicatePair, DuplicateReason } from './duplicate-pair.type.js';

export const MAX_CANDIDATES = 200;

/** Names at least this similar (pg_trgm, 0..1) count as "similar" when the building or street is the same. */
export const NAME_SIMILARITY = 0.5;

/**
 * Every likely pair of the organisation in one statement: the same phone (E.164), the
 * same email (stored in lower case), or names at least NAME_SIMILARITY alike (pg_trgm's
 * similarity of `sort_key`, already without accents or case) in the same building or
 * street (compared through `rapport_fold`: no accents, case or punctuation).
 *
 * Similar names are only compared between people who share a building or street AND at
 * least one word of their name ("lefevre", "helene"): a join on equal keys, so the cost
 * follows the number of such pairs, not the square of a street's people. Comparing every
 * pair of a building or street with pg_trgm (even through a trigram GIN index) ran past the
 * 10 s statement timeout at 50,000 contacts; this took 4–6 s on 2 busy shared cores
 * (tests/src/integration/duplicates.spec.ts).
 * A name mistyped in every word is not found this way; the same phone or email still is.
 *
 * Each reason weighs in; the pair's score combines them as independent clues
 * (1 − Π(1 − w)). Dismissed pairs ("not the same person") are left out.
 */
export const CANDIDATES_SQL = `
WITH people AS MATERIALIZED (
  SELECT id, sort_key, coalesce(rapport_fold(building), '') AS building, coalesce(rapport_fold(street), '') AS street
    FROM contacts
   WHERE organization_id = $1 AND erased_at IS NULL AND (building IS NOT NULL OR street IS NOT NULL)
), words AS MATERIALIZED (
  SELECT p.id, p.sort_key, p.building, p.street, w.word
    FROM people p CROSS JOIN LATERAL unnest(string_to_array(p.sort_key, ' ')) AS w(word)
   WHERE length(w.word) >= 2
), pairs AS (
  SELECT a.id AS a_id, b.id AS b_id, 'SAME_PHONE' AS reason, 0.9::float8 AS weight
    FROM contacts a
    JOIN contacts b ON b.organization_id = a.organization_id AND b.phone = a.phone AND b.id > a.id AND b.erased_at IS NULL
   WHERE a.organization_id = $1 AND a.erased_at IS NULL AND a.phone IS NOT NULL
  UNION ALL
  SELECT a.id, b.id, 'SAME_EMAIL', 0.85
    FROM contacts a
    JOIN contacts b ON b.organization_id = a.organization_id AND b.email = a.email AND b.id > a.id AND b.erased_at IS NULL
   WHERE a.organization_id = $1 AND a.erased_at IS NULL AND a.email IS NOT NULL
  UNION ALL
  SELECT DISTINCT a.id, b.id, 'SIMILAR_NAME_SAME_BUILDING', 0.3 + 0.6 * similarity(a.sort_key, b.sort_key)
    FROM words a JOIN words b ON b.building = a.building AND b.word = a.word AND b.id > a.id
   WHERE a.building <> '' AND similarity(a.sort_key, b.sort_key) >= ${NAME_SIMILARITY}
  UNION ALL
  SELECT DISTINCT a.id, b.id, 'SIMILAR_NAME_SAME_STREET', 0.2 + 0.6 * similarity(a.sort_key, b.sort_key)
    FROM words a JOIN words b ON b.street = a.street AND b.word = a.word AND b.id > a.id
   WHERE a.street <> '' AND similarity(a.sort_key, b.sort_key) >= ${NAME_SIMILARITY}
)
SELECT p.a_id AS "aId", p.b_id AS "bId",
       array_agg(DISTINCT p.reason ORDER BY p.reason) AS reasons,
       round((1 - exp(sum(ln(1 - least(p.weight, 0.99)))))::numeric, 3)::float8 AS score
  FROM pairs p
 WHERE NOT EXISTS (SELECT 1 FROM dismissed_duplicates d
                    WHERE d.organization_id = $1 AND d.contact_a_id = p.a_id AND d.contact_b_id = p.b_id)
 GROUP BY p.a_id, p.b_id
 ORDER BY score DESC, p.a_id, p.b_id
 LIMIT $2`;

interface CandidateRow {
  aId: string;
  bId: string;
  reasons: DuplicateReason[];
  score: number;
}

@Injectable()
export class DuplicatesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The organisation's likely duplicates, best score first: one statement for the pairs, one for their contacts. */
  async candidates(member: Member, first: number): Promise<DuplicatePair[]> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_CANDIDATES)
      throw badInput('first', `must be from 1 to ${MAX_CANDIDATES}`, 'intRange', { min: 1, max: MAX_CANDIDATES });
    const rows: CandidateRow[] = await this.db.transaction(async (em) => {
      // Room to hash the name words of 50,000 people in memory (the default 4 MB sorts on disk), for this transaction only.
      await em.query(`SELECT set_config('work_mem', '32MB', true)`);
      return em.query(CANDIDATES_SQL, [member.organizationId, first]);
    });
    if (!rows.length) return [];
    const ids = [...new Set(rows.flatMap((r) => [r.aId, r.bId]))];
    const contacts = await this.db.getRepository(Contact).findBy({ organizationId: member.organizationId, id: In(ids) });
    const byId = new Map(contacts.map((c) => [c.id, c]));
    return rows.flatMap((r) => {
      const a = byId.get(r.aId);
      const b = byId.get(r.bId);
      // A contact erased or merged between the two statements: the pair is gone.
      return a && b ? [{ a, b, score: Number(r.score), reasons: r.reasons }] : [];
    });
  }

  /** "Not the same person": the pair (ids in order) is never proposed again. Idempotent. */
  async dismiss(member: Member, aId: string, bId: string): Promise<boolean> {
    if (aId === bId) throw badInput('bId', 'must be another contact than aId', 'duplicate');
    for (const [field, id] of [
      ['aId', aId],
      ['bId', bId],
    ] as const)
      if (!isUuid(id)) throw ownedNotFound(field, 'contact', id);
    const found: Array<{ id: string }> = await this.db.query(
      `SELECT id FROM contacts WHERE organization_id = $1 AND id = ANY($2::uuid[]) AND erased_at IS NULL`,
      [member.organizationId, [aId, bId]],
    );
    for (const [field, id] of [
      ['aId', aId],
      ['bId', bId],
    ] as const)
      if (!found.some((r) => r.id === id)) throw ownedNotFound(field, 'contact', id);
    await this.db.query(
      `INSERT INTO dismissed_duplicates (organization_id, contact_a_id, contact_b_id, dismissed_by_user_id)
       VALUES ($1, least($2::uuid, $3::uuid), greatest($2::uuid, $3::uuid), $4)
       ON CONFLICT (organization_id, contact_a_id, contact_b_id) DO NOTHING`,
      [member.organizationId, aId, bId, member.userId],
    );
    return true;
  }
}
