import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { ImportJob } from './import-job.entity.js';

/**
 * The uploaded file, in 1 MB pieces, until its job ends. Kept in PostgreSQL rather
 * than on disk: the api and the worker may be separate processes, containers or
 * machines (docker/compose.yml gives them no shared volume), and both already reach
 * the database; the pieces let the worker stream the file, never holding it whole,
 * and they go with the job's row (ON DELETE CASCADE) or when the job ends.
 */
@Entity('import_file_chunks')
export class ImportFileChunk {
  @PrimaryColumn('uuid')
  jobId: string;

  @PrimaryColumn('int')
  seq: number;

  @ManyToOne(() => ImportJob, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'job_id' })
  job?: Relation<ImportJob>;

  @Column('bytea')
  data: Buffer;
}
