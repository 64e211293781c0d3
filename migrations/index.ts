// Every migration, oldest first. A new migration is a new timestamped file added here
// (`npm run migration:generate -- <name>` writes one from the entities).
import { AccountsAndTenancy1795270212355 } from './1795270212355-accounts-and-tenancy.js';
import { CampaignDomain1795270420287 } from './1795270420287-campaign-domain.js';
import { AuditByRapport1795271299418 } from './1795271299418-audit-by-rapport.js';
import { TeamAccess1796158060671 } from './1796158060671-team-access.js';
import { MembershipAndDues1796159294847 } from './1796159294847-membership-and-dues.js';
import { Casework1796162199971 } from './1796162199971-casework.js';
import { Turf1796168494986 } from './1796168494986-turf.js';
import { ReminderDone1796168559211 } from './1796168559211-reminder-done.js';
import { DuplicatesAndExports1796169024748 } from './1796169024748-duplicates-and-exports.js';
import { SpreadsheetImports1796169134079 } from './1796169134079-spreadsheet-imports.js';
import { CampaignFigures1796170490814 } from './1796170490814-campaign-figures.js';
import { CampaignFiguresShards1796172000000 } from './1796172000000-campaign-figures-shards.js';
import { WriteRefusals1796172100000 } from './1796172100000-write-refusals.js';

export const MIGRATIONS = [
  AccountsAndTenancy1795270212355,
  CampaignDomain1795270420287,
  AuditByRapport1795271299418,
  TeamAccess1796158060671,
  MembershipAndDues1796159294847,
  Casework1796162199971,
  Turf1796168494986,
  ReminderDone1796168559211,
  DuplicatesAndExports1796169024748,
  SpreadsheetImports1796169134079,
  CampaignFigures1796170490814,
  CampaignFiguresShards1796172000000,
  WriteRefusals1796172100000,
];
