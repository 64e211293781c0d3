import { createReadStream } from 'node:fs';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { DataSource, type EntityManager } from 'typeorm';
import { badInput, v, type Member } from '@rapport/core';
import { findOwned } from '@rapport/db';
import { DedupeRule, ImportStatus, message, SUPPORTED_LOCALES, type Locale } from '@rapport/shared';
import { ImportJob, type ColumnMapping } from '../entities/import-job.entity.js';
import { ImportRowError } from '../entities/import-row-error.entity.js';
import { ImportFileChunk } from '../entities/import-file-chunk.entity.js';
import { IMPORT_JOB, IMPORT_QUEUE } from './import.queue.js';
import { analyseFile } from './import-reader.js';
import { IMPORT_FIELDS, isImportField, proposeMapping } from './import-fields.js';

/** The file is kept in pieces of this size (bytea rows), so neither side ever holds it whole. */
export const CHUNK_BYTES = 1024 * 1024;
const MAX_JOBS_LISTED = 100;
const MAX_ERRORS_LISTED = 10_000;

export interface ColumnMappingInputLike {
  column: string;
  field?: string | null;
}

/** The api's side of imports: upload and analysis, the jobs, starting and cancelling runs. */
@Injectable()
export class ImportsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(IMPORT_QUEUE) private readonly queue: Queue,
  ) {}

  /**
   * Analyses the uploaded file (at `path`, a temporary file) and keeps it in PostgreSQL
   * with its job, in one transaction: a file that cannot be read leaves nothing behind.
   */
  async upload(member: Member, path: string, fileName: string, size: number): Promise<ImportJob> {
    const analysis = await analyseFile(path);
    const proposed = proposeMapping(analysis.headers);
    const mapping: ColumnMapping[] = analysis.headers.map((column, i) => ({ column, field: proposed[i], samples: analysis.samples[i] ?? [] }));
    return this.db.transaction(async (em) => {
      // Files analysed but never run for a day are dropped (their job reads CANCELLED), so
      // uploads left behind do not pile up in the database.
      await em.query(
        `WITH stale AS (UPDATE import_jobs SET status = $2, finished_at = now() WHERE organization_id = $1 AND status = $3 AND created_at < now() - interval '1 day' RETURNING id)
         DELETE FROM import_file_chunks WHERE job_id IN (SELECT id FROM stale)`,
        [member.organizationId, ImportStatus.CANCELLED, ImportStatus.ANALYSED],
      );
      const job = await em.save(
        em.create(ImportJob, {
          organizationId: member.organizationId,
          createdByUserId: member.userId,
          fileName: fileName.slice(0, 200) || 'import',
          format: analysis.format,
          fileSize: size,
          encoding: analysis.encoding,
          delimiter: analysis.delimiter,
          status: ImportStatus.ANALYSED,
          failure: null,
          totalRows: analysis.totalRows,
          mapping,
          finishedAt: null,
        }),
      );
      let seq = 0;
      for await (const data of createReadStream(path, { highWaterMark: CHUNK_BYTES })) {
        await em.insert(ImportFileChunk, { jobId: job.id, seq: seq++, data: data as Buffer });
      }
      return job;
    });
  }

  get(member: Member, id: string, em: EntityManager = this.db.manager, lock = false): Promise<ImportJob> {
    return findOwned(em, ImportJob, member.organizationId, id, { label: 'import', lock });
  }

  list(member: Member, first: number): Promise<ImportJob[]> {
    v.intRange('first', first, 1, MAX_JOBS_LISTED);
    return this.db.getRepository(ImportJob).find({ where: { organizationId: member.organizationId }, order: { createdAt: 'DESC', id: 'DESC' }, take: first });
  }

  errors(job: ImportJob, first: number): Promise<ImportRowError[]> {
    v.intRange('first', first, 1, MAX_ERRORS_LISTED);
    return this.db.getRepository(ImportRowError).find({ where: { jobId: job.id }, order: { row: 'ASC', id: 'ASC' }, take: first });
  }

  /**
   * Starts the run (or the dry run) in the worker. An analysed file can be run, and a
   * file whose dry run is over can be run for real; anything else has run already.
   */
  async run(member: Member, id: string, mappingInput: ColumnMappingInputLike[], dedupe: DedupeRule, tagsInput: string[] | null | undefined, dryRun: boolean) {
    if (!Object.values(DedupeRule).includes(dedupe)) throw badInput('dedupe', 'is not a dedupe rule', 'enum', { values: Object.values(DedupeRule).join(', ') });
    const tags = [...new Set(v.list('tags', tagsInput, 20, (f, x) => v.name(f, x, 100)))];
    const job = await this.db.transaction(async (em) => {
      const job = await this.get(member, id, em, true);
      if (!(job.status === ImportStatus.ANALYSED || (job.status === ImportStatus.DONE && job.dryRun)))
        throw badInput('id', `this import is ${job.status.toLowerCase()}: upload the file again to import it again`);
      job.mapping = this.checkMapping(job.mapping, mappingInput);
      const locale = await this.localeOf(em, member);
      Object.assign(job, {
        status: ImportStatus.RUNNING,
        dryRun,
        dedupe,
        tags,
        locale,
        processedRows: 0,
        created: 0,
        updated: 0,
        skipped: 0,
        failed: 0,
        finishedAt: null,
      });
      await em.delete(ImportRowError, { jobId: job.id });
      return em.save(job);
    });
    await this.queue.add(IMPORT_JOB, { jobId: job.id }, { jobId: `${job.id}-${Date.now()}`, attempts: 1, removeOnComplete: 100, removeOnFail: 100 });
    return job;
  }

  /** The organiser's mapping, checked against the file's columns; the samples stay. */
  private checkMapping(current: ColumnMapping[], input: ColumnMappingInputLike[]): ColumnMapping[] {
    v.list('mapping', input, 200, (_f, x) => x);
    const byColumn = new Map(current.map((m) => [m.column, m]));
    const chosen = new Map<string, string | null>();
    const used = new Set<string>();
    input.forEach((m, i) => {
      if (!byColumn.has(m.column)) throw badInput(`mapping[${i}].column`, 'is not a column of the file');
      const field = m.field ?? null;
      if (field !== null && !isImportField(field))
        throw badInput(`mapping[${i}].field`, `must be one of ${IMPORT_FIELDS.join(', ')}`, 'enum', { values: IMPORT_FIELDS.join(', ') });
      // Several columns may add tags; any other field comes from one column.
      if (field && field !== 'tags' && used.has(field)) throw badInput(`mapping[${i}].field`, `${field} is already filled by another column`, 'duplicate');
      if (field) used.add(field);
      chosen.set(m.column, field);
    });
    if (!used.has('firstName') && !used.has('fullName')) throw badInput('mapping', 'a column must give the first name (firstName or fullName)', 'required');
    return current.map((m) => ({ ...m, field: chosen.has(m.column) ? chosen.get(m.column)! : null }));
  }

  /** Rows already written stay; the worker stops before its next batch. An analysed file is dropped. */
  async cancel(member: Member, id: string): Promise<ImportJob> {
    return this.db.transaction(async (em) => {
      const job = await this.get(member, id, em, true);
      if (job.status === ImportStatus.RUNNING || job.status === ImportStatus.ANALYSED || (job.status === ImportStatus.DONE && job.dryRun)) {
        const wasRunning = job.status === ImportStatus.RUNNING;
        job.status = ImportStatus.CANCELLED;
        if (!wasRunning) {
          job.finishedAt = new Date();
          await em.delete(ImportFileChunk, { jobId: job.id });
        }
        await em.save(job);
      }
      return job;
    });
  }

  /** The refused rows as CSV (UTF-8 with BOM, `;`, as French Excel opens it), streamed by pages. */
  async *errorsCsv(job: ImportJob): AsyncGenerator<string> {
    const locale = (SUPPORTED_LOCALES as readonly string[]).includes(job.locale) ? (job.locale as Locale) : 'fr';
    yield `\uFEFF${message(locale, 'import.csv.header')}\r\n`;
    let lastId = '0';
    for (;;) {
      const rows: Array<{ id: string; row: number; field: string | null; message: string }> = await this.db.query(
        `SELECT id, "row", field, message FROM import_row_errors WHERE job_id = $1 AND id > $2 ORDER BY id LIMIT 1000`,
        [job.id, lastId],
      );
      if (!rows.length) return;
      yield rows.map((r) => [String(r.row), csvCell(r.field ?? ''), csvCell(r.message)].join(';')).join('\r\n') + '\r\n';
      lastId = rows[rows.length - 1].id;
    }
  }

  private async localeOf(em: EntityManager, member: Member): Promise<Locale> {
    const [row] = await em.query(
      `SELECT coalesce(u.locale, o.locale) AS locale FROM users u JOIN organizations o ON o.id = u.organization_id WHERE u.id = $1`,
      [member.userId],
    );
    return row?.locale === 'en' ? 'en' : 'fr';
  }
}

/** Quoted when needed; a cell that a spreadsheet would run as a formula is neutralised. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
