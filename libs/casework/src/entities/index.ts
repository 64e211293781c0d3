import { SessionSeries } from './session-series.entity.js';
import { SessionRecord } from './session-record.entity.js';
import { SessionAttendance } from './session-attendance.entity.js';
import { Case } from './case.entity.js';
import { CaseStep } from './case-step.entity.js';

export { SessionSeries, SessionRecord, SessionAttendance, Case, CaseStep };
export const CASEWORK_ENTITIES = [SessionSeries, SessionRecord, SessionAttendance, Case, CaseStep];
