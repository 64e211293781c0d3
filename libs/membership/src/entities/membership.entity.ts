import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { TenantEntity } from '@rapport/db';
import { Organization } from '@rapport/auth';
import { Contact } from '@rapport/contacts';
import { DuesPayment } from './dues-payment.entity.js';

/** A period during which a person is a member: funded by a payment (theirs or another ally's) or by the solidarity fund. */
@ObjectType('Membership')
@Entity('memberships')
@Index(['organizationId', 'contactId', 'endsAt'])
@Index(['organizationId', 'startsAt'])
export class Membership extends TenantEntity {
  @Field(() => ID)
  id: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Relation<Organization>;

  @Column('uuid')
  contactId: string;

  @ManyToOne(() => Contact, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contact_id' })
  contact?: Relation<Contact>;

  @Field()
  @Column('timestamptz')
  startsAt: Date;

  /** Exclusive: the first instant no longer covered. */
  @Field()
  @Column('timestamptz')
  endsAt: Date;

  @Index()
  @Column('uuid', { nullable: true })
  paymentId: string | null;

  @ManyToOne(() => DuesPayment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'payment_id' })
  payment?: Relation<DuesPayment>;

  /** The payer, when it was not the member (another ally paid for them). */
  @Column('uuid', { nullable: true })
  fundedByContactId: string | null;

  @ManyToOne(() => Contact, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'funded_by_contact_id' })
  fundedByContact?: Relation<Contact>;

  @Field()
  @Column('boolean', { default: false })
  fromSolidarityFund: boolean;

  /** What funded it, in cents: below `suggestedCents` is "paid what they could" (0 included). */
  @Column('int')
  amountCents: number;

  /** The suggested dues when it was funded. */
  @Column('int')
  suggestedCents: number;
}
