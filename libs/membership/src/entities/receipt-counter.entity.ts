import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Organization } from '@rapport/auth';

/**
 * The last receipt number given per organisation and year. Incremented in the
 * payment's own transaction (the upsert holds the row lock until commit), so numbers
 * are gap-free: a payment that rolls back gives its number back.
 */
@Entity('receipt_counters')
export class ReceiptCounter {
  @PrimaryColumn('uuid')
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Relation<Organization>;

  @PrimaryColumn('int')
  year: number;

  @Column('int')
  lastNumber: number;
}
