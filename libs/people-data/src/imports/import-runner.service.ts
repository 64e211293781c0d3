import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { Contact, searchColumns } from '@rapport/contacts';
import { MembershipService } from '@rapport/membership';
import { DedupeRule, ImportStatus, Role, describeError, type Locale } from '@rapport/shared';
import type { Member } from '@rapport/core';
import { ImportJob } from '../entities/import-job.entity.js';
import { ImportRowError } from '../entities/import-row-error.entity.js';
import { ImportFileChunk } from '../entities/import-file-chunk.entity.js';
import { ImportFileError, readRows } from './import-reader.js';
import { isImportField } from './import-fields.js';
import { mapRow, type ColumnPlan, type Dues, type RowError } from './import-row.js';

/** Rows written per transaction: progress moves every batch, and a cancel takes effect between two. */
export const IMPORT_BATCH = 500;
/** Refused rows kept per job (the count stays exact beyond). */
const MAX_STORED_ERRORS = 20_000;

/** The fields an import fills when the existing person has none ("empty fields filled, nothing overwritten"). */
const FILLABLE = ['lastName', 'phone', 'email', 'street', 'building', 'postalCode', 'city', 'neighbourhood'] as const;

/** A person as the run knows them: read from the table, or created earlier in this file. */
interface Person {
  id: string | null;
  row: Partial<Contact>;
  /** Created in this batch, not yet inserted. */
  pending: boolean;
}

interface Counts {
  created: number;
  updated: number;
  skipped: number;
  failed: number;
}

/** The file of a job, streamed from its pieces in PostgreSQL, one piece in memory at a time. */
export function storedFile(db: DataSource, jobId: string): Readable {
  let seq = 0;
  return new Readable({
    async read() {
      try {
        const piece = await db.getRepository(ImportFileChunk).findOne({ where: { jobId, seq } });
        seq++;
        this.push(piece ? piece.data : null);
      } catch (error) {
        this.destroy(error as Error);
      }
    },
  });
}

/**
 * The worker's side: reads the stored file row by row, and writes people batch by batch,
 * each batch in one transaction with the job's counts (so progress is always what is in the
 * tables). A dry run goes through exactly the same steps, writes nothing, and so gives the
 * same counts and errors.
 */
@Injectable()
export class ImportRunner {
  private readonly logger = new Logger('Imports');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly membership: MembershipService,
  ) {}

  async run(jobId: string): Promise<void> {
    const job = await this.db.getRepository(ImportJob).findOneBy({ id: jobId });
    if (!job || job.status !== ImportStatus.RUNNING) return;
    const plan: ColumnPlan = {
      columns: job.mapping.flatMap((m, i) => (m.field && isImportField(m.field) ? [[i, m.field, m.column] as [number, typeof m.field, string]] : [])),
      tags: job.tags,
      locale: (job.locale === 'en' ? 'en' : 'fr') as Locale,
    };
    const known = new Map<string, Person>();
    const index = job.dedupe === DedupeRule.PHONE_OR_EMAIL ? await this.loadIndex(job.organizationId) : new Map<string, string>();
    let batch: Array<{ row: number; cells: string[] }> = [];
    let header = true;
    let cancelled = false;
    try {
      for await (const row of readRows(storedFile(this.db, job.id), job)) {
        if (header) {
          header = false;
          continue;
        }
        batch.push(row);
        if (batch.length >= IMPORT_BATCH) {
          cancelled = !(await this.batch(job, plan, batch, known, index));
          batch = [];
          if (cancelled) break;
        }
      }
      if (!cancelled && batch.length) cancelled = !(await this.batch(job, plan, batch, known, index));
      await this.finish(job.id, cancelled ? ImportStatus.CANCELLED : ImportStatus.DONE, !job.dryRun || cancelled);
    } catch (error) {
      // The file was read whole at upload; failing now means it or the database went away.
      this.logger.warn(`import ${job.id} failed: ${describeError(error)}`);
      await this.finish(job.id, ImportStatus.FAILED, true, error instanceof ImportFileError ? error.message : 'the import stopped unexpectedly');
    }
  }

  private async finish(jobId: string, status: ImportStatus, dropFile: boolean, failure: string | null = null) {
    await this.db.transaction(async (em) => {
      const job = await em.findOne(ImportJob, { where: { id: jobId }, lock: { mode: 'pessimistic_write' } });
      if (!job) return;
      // A cancel that came after the last batch still wins: the organiser asked.
      job.status = job.status === ImportStatus.CANCELLED ? ImportStatus.CANCELLED : status;
      job.failure = failure;
      job.finishedAt = new Date();
      await em.save(job);
      if (dropFile || job.status !== ImportStatus.DONE) await em.delete(ImportFileChunk, { jobId });
    });
  }

  /** One batch, in one transaction; false when the job was cancelled (nothing of this batch is written). */
  private async batch(
    job: ImportJob,
    plan: ColumnPlan,
    rows: Array<{ row: number; cells: string[] }>,
    known: Map<string, Person>,
    index: Map<string, string>,
  ): Promise<boolean> {
    const payments: Array<{ person: Person; dues: Dues; row: number }> = [];
    const kept = await this.db.transaction(async (em) => {
      const [state] = await em.query(`SELECT status FROM import_jobs WHERE id = $1 FOR UPDATE`, [job.id]);
      if (state?.status !== ImportStatus.RUNNING) return false;
      const counts: Counts = { created: 0, updated: 0, skipped: 0, failed: 0 };
      const errors: RowError[] = [];
      const valid: Array<{ row: number; columns: Partial<Contact>; dues: Dues | null }> = [];
      for (const { row, cells } of rows) {
        const result = mapRow(plan, row, cells);
        if (result.ok === 'empty') counts.skipped++;
        else if (result.ok === false) {
          counts.failed++;
          errors.push(result.error);
        } else valid.push({ row, ...result });
      }
      const dedupe = job.dedupe === DedupeRule.PHONE_OR_EMAIL;
      if (dedupe) await this.loadExisting(em, job.organizationId, valid, known, index);
      const toInsert: Person[] = [];
      const changed = new Set<Person>();
      for (const { row, columns, dues } of valid) {
        const person = dedupe ? this.match(known, columns) : undefined;
        if (!person) {
          const created: Person = { id: null, row: { ...columns }, pending: true };
          toInsert.push(created);
          if (dedupe) this.remember(known, created);
          counts.created++;
          if (dues) payments.push({ person: created, dues, row });
          continue;
        }
        if (this.fill(person, columns)) {
          if (!person.pending) changed.add(person);
          this.remember(known, person);
          counts.updated++;
        } else counts.skipped++;
        if (dues) payments.push({ person, dues, row });
      }
      if (!job.dryRun) {
        await this.insert(em, job.organizationId, toInsert);
        for (const person of changed) {
          const row = person.row;
          await em.update(
            Contact,
            { id: person.id!, organizationId: job.organizationId },
            {
              ...Object.fromEntries(FILLABLE.map((f) => [f, row[f] ?? null])),
              tags: row.tags ?? [],
              languages: row.languages ?? [],
              ...searchColumns(row as Contact),
              lastSeenAt: new Date(),
            },
          );
        }
      }
      for (const person of toInsert) person.pending = false;
      const stored = await em.query(`SELECT count(*)::int AS n FROM import_row_errors WHERE job_id = $1`, [job.id]);
      const room = Math.max(0, MAX_STORED_ERRORS - (stored[0]?.n ?? 0));
      if (errors.length && room)
        await em.insert(
          ImportRowError,
          errors.slice(0, room).map((e) => ({ jobId: job.id, ...e })),
        );
      await em.query(
        `UPDATE import_jobs SET processed_rows = processed_rows + $2, created = created + $3, updated = updated + $4, skipped = skipped + $5, failed = failed + $6 WHERE id = $1`,
        [job.id, rows.length, counts.created, counts.updated, counts.skipped, counts.failed],
      );
      return true;
    });
    if (kept && !job.dryRun && payments.length) await this.recordDues(job, payments);
    return kept;
  }

  /**
   * Every phone and email of the organisation, read once when the run starts (one streamed
   * statement; a few dozen bytes a person), so a batch finds its matches without scanning
   * the contacts table again.
   */
  private async loadIndex(organizationId: string): Promise<Map<string, string>> {
    const index = new Map<string, string>();
    const rows: Array<{ id: string; phone: string | null; email: string | null }> = await this.db.query(
      `SELECT id, phone, lower(email) AS email FROM contacts WHERE organization_id = $1 AND erased_at IS NULL AND (phone IS NOT NULL OR email IS NOT NULL) ORDER BY created_at`,
      [organizationId],
    );
    for (const c of rows) {
      if (c.phone && !index.has(`p:${c.phone}`)) index.set(`p:${c.phone}`, c.id);
      if (c.email && !index.has(`e:${c.email}`)) index.set(`e:${c.email}`, c.id);
    }
    return index;
  }

  /** The existing people this batch matches (by the index), read whole by id, locked against an erasure. */
  private async loadExisting(
    em: EntityManager,
    organizationId: string,
    valid: Array<{ columns: Partial<Contact> }>,
    known: Map<string, Person>,
    index: Map<string, string>,
  ) {
    const ids = new Set<string>();
    for (const { columns } of valid) {
      for (const key of [columns.phone && `p:${columns.phone}`, columns.email && `e:${columns.email}`]) {
        if (key && !known.has(key) && index.has(key)) ids.add(index.get(key)!);
      }
    }
    if (!ids.size) return;
    const rows = await em
      .getRepository(Contact)
      .createQueryBuilder('c')
      .where('c.organization_id = :org', { org: organizationId })
      .andWhere('c.id = ANY(:ids)', { ids: [...ids] })
      .andWhere('c.erased_at IS NULL')
      .setLock('pessimistic_write')
      .getMany();
    const byId = new Map(rows.map((c) => [c.id, c]));
    for (const { columns } of valid) {
      for (const key of [columns.phone && `p:${columns.phone}`, columns.email && `e:${columns.email}`]) {
        if (!key || known.has(key) || !index.has(key)) continue;
        const contact = byId.get(index.get(key)!);
        if (!contact) continue;
        const person: Person = { id: contact.id, row: contact, pending: false };
        this.remember(known, person);
        known.set(key, person);
      }
    }
  }

  /** The same phone first, else the same email. */
  private match(known: Map<string, Person>, columns: Partial<Contact>): Person | undefined {
    return (columns.phone ? known.get(`p:${columns.phone}`) : undefined) ?? (columns.email ? known.get(`e:${columns.email}`) : undefined);
  }

  private remember(known: Map<string, Person>, person: Person) {
    if (person.row.phone && !known.has(`p:${person.row.phone}`)) known.set(`p:${person.row.phone}`, person);
    if (person.row.email && !known.has(`e:${person.row.email}`)) known.set(`e:${person.row.email}`, person);
  }

  /** Empty fields take the file's values, tags and languages are added; true when something changed. */
  private fill(person: Person, columns: Partial<Contact>): boolean {
    let changed = false;
    for (const f of FILLABLE) {
      if (!person.row[f] && columns[f]) {
        (person.row as Record<string, unknown>)[f] = columns[f];
        changed = true;
      }
    }
    for (const f of ['tags', 'languages'] as const) {
      const before = person.row[f] ?? [];
      const added = (columns[f] ?? []).filter((x) => !before.includes(x as never));
      if (added.length) {
        (person.row as Record<string, unknown>)[f] = [...before, ...added];
        changed = true;
      }
    }
    return changed;
  }

  /**
   * One statement per batch: the rows travel as one JSON parameter (jsonb_to_recordset), with
   * ids chosen here, so the batch costs PostgreSQL's work and little else.
   */
  private async insert(em: EntityManager, organizationId: string, people: Person[]) {
    if (!people.length) return;
    const rows = people.map((person) => {
      const { row } = person;
      person.id = randomUUID();
      const search = searchColumns(row as Contact);
      return {
        id: person.id,
        first_name: row.firstName,
        last_name: row.lastName ?? null,
        phone: row.phone ?? null,
        email: row.email ?? null,
        street: row.street ?? null,
        building: row.building ?? null,
        postal_code: row.postalCode ?? null,
        city: row.city ?? null,
        neighbourhood: row.neighbourhood ?? null,
        languages: row.languages ?? [],
        tags: row.tags ?? [],
        search_text: search.searchText,
        sort_key: search.sortKey,
      };
    });
    await em.query(
      `INSERT INTO contacts (id, organization_id, first_name, last_name, phone, email, street, building, postal_code, city, neighbourhood, languages, tags, search_text, sort_key)
       SELECT x.id, $1, x.first_name, x.last_name, x.phone, x.email, x.street, x.building, x.postal_code, x.city, x.neighbourhood, x.languages, x.tags, x.search_text, x.sort_key
       FROM jsonb_to_recordset($2::jsonb) AS x(id uuid, first_name text, last_name text, phone text, email text, street text, building text, postal_code text,
         city text, neighbourhood text, languages text[], tags text[], search_text text, sort_key text)`,
      [organizationId, JSON.stringify(rows)],
    );
  }

  /**
   * Dues rows through membership's own recordPayment (its checks, receipt numbers and
   * periods), after the batch is in. The clientId is the order's reference (or the file's
   * row), so running the file again records no payment twice.
   */
  private async recordDues(job: ImportJob, payments: Array<{ person: Person; dues: Dues; row: number }>) {
    const member: Member = { userId: job.createdByUserId, organizationId: job.organizationId, role: Role.ORGANISER, tokenId: '' };
    for (const { person, dues, row } of payments) {
      if (!person.id) continue;
      try {
        await this.membership.recordPayment(member, {
          clientId: `import:${dues.reference ?? `${job.fileName}:${row}:${person.id}`}`.slice(0, 100),
          payerId: person.id,
          amountCents: dues.amountCents,
          method: dues.method,
          paidAt: dues.paidAt,
          reference: dues.reference,
        });
      } catch (error) {
        await this.db.transaction(async (em) => {
          await em.insert(ImportRowError, { jobId: job.id, row, field: null, message: (error as Error).message.slice(0, 300) });
          await em.query(`UPDATE import_jobs SET failed = failed + 1 WHERE id = $1`, [job.id]);
        });
      }
    }
  }
}
