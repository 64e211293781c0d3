import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { TenantEntity } from '@rapport/db';
import { Organization } from '@rapport/auth';
import { DedupeRule, ImportStatus } from '@rapport/shared';

@ObjectType('ColumnMapping')
export class ColumnMapping {
  @Field({ description: "the file's header, as written" })
  column: string;

  @Field(() => String, { nullable: true, description: 'the Rapport field it fills, null when ignored' })
  field: string | null;

  @Field(() => [String], { description: 'up to 3 values from the file' })
  samples: string[];
}

/**
 * One uploaded spreadsheet and what became of it. The file itself waits in
 * import_file_chunks (PostgreSQL) until the job ends; the counts are written with
 * each batch, in the batch's transaction, so they always match what is in the tables.
 */
@ObjectType('ImportJob')
@Entity('import_jobs')
@Index(['organizationId', 'createdAt'])
export class ImportJob extends TenantEntity {
  @Field(() => ID)
  id: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Relation<Organization>;

  /** The organiser who uploaded it (the worker acts in their name). */
  @Column('uuid')
  createdByUserId: string;

  @Field()
  @Column('text')
  fileName: string;

  /** 'csv' or 'xlsx' */
  @Column('text')
  format: 'csv' | 'xlsx';

  @Column('int')
  fileSize: number;

  @Field({ description: 'detected: "utf-8", "windows-1252"…' })
  @Column('text')
  encoding: string;

  @Field(() => String, { nullable: true, description: 'CSV only' })
  @Column('text', { nullable: true })
  delimiter: string | null;

  @Field(() => ImportStatus)
  @Column('text')
  status: ImportStatus;

  /** Why the file could not be read (FAILED). */
  @Column('text', { nullable: true })
  failure: string | null;

  @Field(() => Int)
  @Column('int', { default: 0 })
  totalRows: number;

  @Field(() => Int)
  @Column('int', { default: 0 })
  processedRows: number;

  @Field(() => Int)
  @Column('int', { default: 0 })
  created: number;

  @Field(() => Int)
  @Column('int', { default: 0 })
  updated: number;

  @Field(() => Int)
  @Column('int', { default: 0 })
  skipped: number;

  @Field(() => Int)
  @Column('int', { default: 0 })
  failed: number;

  @Field()
  @Column('boolean', { default: false })
  dryRun: boolean;

  @Column('text', { default: DedupeRule.PHONE_OR_EMAIL })
  dedupe: DedupeRule;

  /** Added to every imported person. */
  @Column('text', { array: true, default: '{}' })
  tags: string[];

  /** The language of row error messages: the organiser's who started the run. */
  @Column('text', { default: 'fr' })
  locale: string;

  @Field(() => [ColumnMapping])
  @Column('jsonb')
  mapping: ColumnMapping[];

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { nullable: true })
  finishedAt: Date | null;
}
