import { Win } from './win.entity.js';

export { Win };
export const WINS_ENTITIES = [Win];
