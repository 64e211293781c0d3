import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { TenantEntity } from '@rapport/db';
import { Organization } from '@rapport/auth';
import { Contact } from '@rapport/contacts';
import { SessionRecord } from './session-record.entity.js';

/** A person present at a session: once per session, however often the volunteer taps. */
@Entity('session_attendance')
@Index(['sessionId', 'contactId'], { unique: true })
export class SessionAttendance extends TenantEntity {
  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Relation<Organization>;

  @Column('uuid')
  sessionId: string;

  @ManyToOne(() => SessionRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: Relation<SessionRecord>;

  @Index()
  @Column('uuid')
  contactId: string;

  @ManyToOne(() => Contact, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contact_id' })
  contact?: Relation<Contact>;
}
