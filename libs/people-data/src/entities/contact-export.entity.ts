import { Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '@rapport/db';

/**
 * A one-time download of the contact list: the link's secret is stored as SHA-256,
 * valid until `expiresAt`, spent at the first download (`usedAt`).
 */
@Entity('contact_exports')
export class ContactExport extends TenantEntity {
  @Index({ unique: true })
  @Column('text')
  tokenHash: string;

  @Column('uuid')
  createdByUserId: string;

  @Column('text')
  format: string;

  /** The ContactFilter as given (validated when the export was asked for). */
  @Column('jsonb', { default: {} })
  filter: Record<string, unknown>;

  @Column('timestamptz')
  expiresAt: Date;

  @Column('timestamptz', { nullable: true })
  usedAt: Date | null;
}
