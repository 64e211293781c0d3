import { Campaign } from './campaign.entity.js';
import { StageChange } from './stage-change.entity.js';

export { Campaign, StageChange };
export const CAMPAIGNS_ENTITIES = [Campaign, StageChange];
