import { Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '@rapport/db';

/**
 * What a merge did, beside its audit entry (which only says who and when): the
 * dropped id (its row is gone), the fields the kept contact took from it, the values
 * it lost, and how many rows of each kind moved.
 */
@Entity('contact_merges')
@Index(['organizationId', 'keptContactId'])
export class ContactMerge extends TenantEntity {
  /** No foreign key: the merge stays on record if the kept person is erased later. */
  @Column('uuid')
  keptContactId: string;

  @Column('uuid')
  droppedContactId: string;

  @Column('uuid', { nullable: true })
  mergedByUserId: string | null;

  @Column('text', { array: true, default: '{}' })
  filledFields: string[];

  /** The dropped record's values that differed from the kept one's, field by field. */
  @Column('jsonb', { default: {} })
  lostValues: Record<string, string>;

  /** Rows moved, by table. */
  @Column('jsonb', { default: {} })
  moved: Record<string, number>;
}
