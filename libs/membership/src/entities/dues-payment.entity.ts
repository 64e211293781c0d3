import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { TenantEntity } from '@rapport/db';
import { Organization, User } from '@rapport/auth';
import { Contact } from '@rapport/contacts';
import { PaymentMethod } from '@rapport/shared';

/**
 * Dues paid by a person: an accounting record (kept, even cancelled, even when the
 * payer is erased: then only the link to their identity goes) and personal data.
 */
@ObjectType('DuesPayment')
@Entity('dues_payments')
@Index('UQ_dues_payments_client_id', ['organizationId', 'clientId'], { unique: true, where: '"client_id" IS NOT NULL' })
@Index('UQ_dues_payments_receipt', ['organizationId', 'receiptNumber'], { unique: true })
@Index(['organizationId', 'paidAt'])
export class DuesPayment extends TenantEntity {
  @Field(() => ID)
  id: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Relation<Organization>;

  /** Chosen by the phone that recorded it (offline outbox): the same clientId is the same payment. */
  @Column('text', { nullable: true })
  clientId: string | null;

  @Index()
  @Column('uuid')
  payerContactId: string;

  @ManyToOne(() => Contact, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'payer_contact_id' })
  payerContact?: Relation<Contact>;

  @Field(() => Int)
  @Column('int')
  amountCents: number;

  @Field(() => PaymentMethod)
  @Column('text')
  method: PaymentMethod;

  @Field()
  @Column('timestamptz')
  paidAt: Date;

  @Field(() => String, { nullable: true, description: 'cheque number, HelloAsso order id, transfer label' })
  @Column('text', { nullable: true })
  reference: string | null;

  @Field({ description: 'per organisation and year, gap-free: "2026-0001"' })
  @Column('text')
  receiptNumber: string;

  @Field(() => Int, { description: 'what was left after the memberships it funded, kept for allies who cannot pay' })
  @Column('int', { default: 0 })
  toSolidarityFundCents: number;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { nullable: true })
  cancelledAt: Date | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  cancelReason: string | null;

  @Column('uuid', { nullable: true })
  recordedByUserId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'recorded_by_user_id' })
  recordedBy?: Relation<User>;
}
