import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { badInput, type Member } from '@rapport/core';
import type { ConversationOutcome } from '@rapport/shared';

/** Where a door is: what a conversation logged with its doorId is filled with. */
export interface DoorPlace {
  campaignId: string;
  street: string;
  building: string;
  door: string;
}

export interface LoggedVisit {
  doorId: string | null;
  actionId: string | null;
  contactId: string | null;
  outcome: ConversationOutcome;
  occurredAt: Date;
  notes: string | null;
}

export interface ConversationLinkHandlers {
  /** NOT_FOUND naming the field for a door of another organisation. */
  door(member: Member, doorId: string, em: EntityManager, field: string): Promise<DoorPlace>;
  /** In the conversation's transaction: the door's visits, the participation after a call. */
  logged(member: Member, visit: LoggedVisit, em: EntityManager): Promise<void>;
}

/**
 * A conversation at a door (doorId) or a call about an action (actionId). Doors and
 * turnout belong to a later context (libs/turf) this library may not import: it
 * registers here how to read a door and what to update once a conversation is written.
 */
@Injectable()
export class ConversationLinks {
  private handlers: ConversationLinkHandlers | null = null;

  register(handlers: ConversationLinkHandlers) {
    this.handlers = handlers;
  }

  door(member: Member, doorId: string, em: EntityManager, field: string): Promise<DoorPlace> {
    if (!this.handlers) throw badInput(field, 'doors are not available');
    return this.handlers.door(member, doorId, em, field);
  }

  async logged(member: Member, visit: LoggedVisit, em: EntityManager): Promise<void> {
    if (!visit.doorId && !visit.actionId) return;
    if (!this.handlers) throw badInput(visit.doorId ? 'input.doorId' : 'input.actionId', 'doors and calls are not available');
    await this.handlers.logged(member, visit, em);
  }
}
