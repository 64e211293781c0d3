import { DecisionMaker } from './decision-maker.entity.js';
import { Demand } from './demand.entity.js';

export { DecisionMaker, Demand };
export const DECISION_MAKERS_ENTITIES = [DecisionMaker, Demand];
