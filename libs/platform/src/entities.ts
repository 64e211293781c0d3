import { AUTH_ENTITIES } from '@rapport/auth';
import { REMINDERS_ENTITIES } from '@rapport/reminders';
import { CONTACTS_ENTITIES } from '@rapport/contacts';
import { CAMPAIGNS_ENTITIES } from '@rapport/campaigns';
import { CONVERSATIONS_ENTITIES } from '@rapport/conversations';
import { DECISION_MAKERS_ENTITIES } from '@rapport/decision-makers';
import { ACTIONS_ENTITIES } from '@rapport/actions';
import { NEGOTIATIONS_ENTITIES } from '@rapport/negotiations';
import { COMMITMENTS_ENTITIES } from '@rapport/commitments';
import { WINS_ENTITIES } from '@rapport/wins';
import { MEMBERSHIP_ENTITIES } from '@rapport/membership';
import { CASEWORK_ENTITIES } from '@rapport/casework';
import { PEOPLE_DATA_ENTITIES } from '@rapport/people-data';
import { TURF_ENTITIES } from '@rapport/turf';

/** Every TypeORM entity of Rapport: the api, the worker and the drift check use this list. */
export const ALL_ENTITIES = [
  ...AUTH_ENTITIES,
  ...REMINDERS_ENTITIES,
  ...CONTACTS_ENTITIES,
  ...CAMPAIGNS_ENTITIES,
  ...CONVERSATIONS_ENTITIES,
  ...DECISION_MAKERS_ENTITIES,
  ...ACTIONS_ENTITIES,
  ...NEGOTIATIONS_ENTITIES,
  ...COMMITMENTS_ENTITIES,
  ...WINS_ENTITIES,
  ...MEMBERSHIP_ENTITIES,
  ...CASEWORK_ENTITIES,
  ...PEOPLE_DATA_ENTITIES,
  ...TURF_ENTITIES,
];
