import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { DecisionMaker } from '@rapport/decision-makers';
import { Negotiation } from './negotiation.entity.js';

/** Who sits across the table at a negotiation. */
@Entity('negotiation_decision_makers')
@Index(['decisionMakerId'])
export class NegotiationDecisionMaker {
  @PrimaryColumn('uuid')
  negotiationId: string;

  @PrimaryColumn('uuid')
  decisionMakerId: string;

  @Column('uuid')
  organizationId: string;

  @ManyToOne(() => Negotiation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'negotiation_id' })
  negotiation?: Relation<Negotiation>;

  @ManyToOne(() => DecisionMaker, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'decision_maker_id' })
  decisionMaker?: Relation<DecisionMaker>;
}
