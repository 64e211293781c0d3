import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { badInput, type Member } from '@rapport/core';

/**
 * A DROP_IN logged during a session carries its sessionId. Sessions belong to a later
 * context (libs/casework) this library may not import: it registers here how to check
 * that a session id is one of the organisation's (throws NOT_FOUND naming the field).
 */
@Injectable()
export class ConversationSessions {
  private check: ((member: Member, sessionId: string, em: EntityManager, field: string) => Promise<void>) | null = null;

  register(check: (member: Member, sessionId: string, em: EntityManager, field: string) => Promise<void>) {
    this.check = check;
  }

  async verify(member: Member, sessionId: string, em: EntityManager, field: string): Promise<void> {
    if (!this.check) throw badInput(field, 'sessions are not available');
    await this.check(member, sessionId, em, field);
  }
}
