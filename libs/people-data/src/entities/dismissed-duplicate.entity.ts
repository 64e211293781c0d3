import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { TenantEntity } from '@rapport/db';
import { Contact } from '@rapport/contacts';

/**
 * "Not the same person": a pair of contacts never proposed as duplicates again.
 * The ids are stored in order (contactAId < contactBId) so a pair has one row.
 */
@Entity('dismissed_duplicates')
@Index(['organizationId', 'contactAId', 'contactBId'], { unique: true })
export class DismissedDuplicate extends TenantEntity {
  @Column('uuid')
  contactAId: string;

  @ManyToOne(() => Contact, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contact_a_id' })
  contactA?: Relation<Contact>;

  @Index()
  @Column('uuid')
  contactBId: string;

  @ManyToOne(() => Contact, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contact_b_id' })
  contactB?: Relation<Contact>;

  @Column('uuid', { nullable: true })
  dismissedByUserId: string | null;
}
