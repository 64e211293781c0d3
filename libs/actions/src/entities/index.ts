import { ActionParticipant } from './action-participant.entity.js';
import { Action } from './action.entity.js';

export { ActionParticipant, Action };
export const ACTIONS_ENTITIES = [ActionParticipant, Action];
