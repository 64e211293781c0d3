import { NegotiationDecisionMaker } from './negotiation-decision-maker.entity.js';
import { Negotiation } from './negotiation.entity.js';

export { NegotiationDecisionMaker, Negotiation };
export const NEGOTIATIONS_ENTITIES = [NegotiationDecisionMaker, Negotiation];
