import { Commitment } from './commitment.entity.js';

export { Commitment };
export const COMMITMENTS_ENTITIES = [Commitment];
