import { Building } from './building.entity.js';
import { Door } from './door.entity.js';
import { BuildingAssignment } from './building-assignment.entity.js';
import { DoorBatch } from './door-batch.entity.js';

export { Building, Door, BuildingAssignment, DoorBatch };
export const TURF_ENTITIES = [Building, Door, BuildingAssignment, DoorBatch];
