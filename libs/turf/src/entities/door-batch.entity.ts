import { Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '@rapport/db';

/**
 * A batch of doors recorded at once (logDoorsVisit) with its clientId: the unique index
 * makes a batch sent twice, even at the same moment, written once (the second waits on
 * the doors the first locked, fails on this index, then reads the doors).
 */
@Entity('door_batches')
@Index(['organizationId', 'clientId'], { unique: true })
export class DoorBatch extends TenantEntity {
  @Column('text')
  clientId: string;

  @Column('uuid', { array: true })
  doorIds: string[];
}
