import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { TenantEntity } from '@rapport/db';
import { User } from '@rapport/auth';
import { Building } from './building.entity.js';

/** A volunteer's turf: the buildings assigned to them (assignTurf replaces a building's assignees). */
@Entity('building_assignments')
@Index(['buildingId', 'userId'], { unique: true })
export class BuildingAssignment extends TenantEntity {
  @Column('uuid')
  buildingId: string;

  @ManyToOne(() => Building, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'building_id' })
  building?: Relation<Building>;

  @Index()
  @Column('uuid')
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;
}
