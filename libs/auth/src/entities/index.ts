import { Organization } from './organization.entity.js';
import { User } from './user.entity.js';
import { AuthToken } from './auth-token.entity.js';
import { AuditEntry } from './audit-entry.entity.js';
import { Invitation } from './invitation.entity.js';
import { PasswordReset } from './password-reset.entity.js';

export { Organization, User, AuthToken, AuditEntry, Invitation, PasswordReset };
export const AUTH_ENTITIES = [Organization, User, AuthToken, AuditEntry, Invitation, PasswordReset];
