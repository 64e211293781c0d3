import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { ImportJob } from './import-job.entity.js';

/** A row the import refused: its spreadsheet row number (header = 1), the field, why. */
@ObjectType('ImportRowError')
@Entity('import_row_errors')
@Index(['jobId', 'row'])
export class ImportRowError {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column('uuid')
  jobId: string;

  @ManyToOne(() => ImportJob, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'job_id' })
  job?: Relation<ImportJob>;

  @Field(() => Int)
  @Column('int')
  row: number;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  field: string | null;

  @Field({ description: "in the caller's language" })
  @Column('text')
  message: string;
}
