import { Organization } from './organization.entity.js';
import { User } from './user.entity.js';
import { AuthToken } from './auth-token.entity.js';
import { AuditEntry } from './audit-entry.entity.js';

export { Organization, User, AuthToken, AuditEntry };
export const AUTH_ENTITIES = [Organization, User, AuthToken, AuditEntry];
