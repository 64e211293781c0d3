import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, QueryFailedError, type EntityManager } from 'typeorm';
import { badInput, byKey, groupByKey, isUuid, normalizeForMatch, v, type Loaders, type Member } from '@rapport/core';
import { findAllOwned, findOwned } from '@rapport/db';
import { ConversationKind, ConversationOutcome, LIMITS } from '@rapport/shared';
import { User } from '@rapport/auth';
import { CampaignsService } from '@rapport/campaigns';
import { Conversation, type DoorPlace, type LoggedVisit } from '@rapport/conversations';
import { Building } from './entities/building.entity.js';
import { Door } from './entities/door.entity.js';
import { BuildingAssignment } from './entities/building-assignment.entity.js';
import { DoorBatch } from './entities/door-batch.entity.js';
import type { BuildingInput, DoorsVisitInput } from './dto/turf.input.js';

export const MAX_FLOORS = 60;
export const MAX_DOORS_PER_FLOOR = 100;
export const MAX_BATCH = 200;
const DAY_MS = 24 * 3600 * 1000;
/** A batch records absence or refusal only: a talk has its own form (logConversation with doorId). */
const BATCH_OUTCOMES = new Set([ConversationOutcome.NOT_HOME, ConversationOutcome.REFUSED]);
const isUniqueViolation = (error: unknown) => error instanceof QueryFailedError && (error.driverError as { code?: string })?.code === '23505';

/** A building's figures, read for all the buildings of a request in one grouped statement. */
export interface BuildingStats {
  doorCount: number;
  knocked: number;
  talked: number;
  lastVisitAt: Date | null;
}

/** "Tour Kennedy B, 4 rue de Bourgogne": what a conversation at one of its doors says. */
export const buildingLabel = (b: Pick<Building, 'name' | 'number' | 'street'>) => b.name ?? `${b.number} ${b.street}`;

@Injectable()
export class TurfService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly campaigns: CampaignsService,
  ) {}

  /** The building and all its doors, in one transaction; BAD_USER_INPUT on a duplicate. */
  async createBuilding(member: Member, input: BuildingInput): Promise<Building> {
    const street = v.name('input.street', input.street);
    const number = v.name('input.number', input.number, 20);
    const name = v.text('input.name', input.name, LIMITS.name);
    const postalCode = v.text('input.postalCode', input.postalCode, 20);
    const city = v.text('input.city', input.city, LIMITS.name);
    const floors = v.intRange('input.floors', input.floors, 1, MAX_FLOORS)!;
    const labels = this.doorLabels(input, floors);
    try {
      return await this.db.transaction(async (em) => {
        await this.campaigns.get(member, input.campaignId, { em, field: 'input.campaignId' });
        const building = await em.save(
          em.create(Building, {
            organizationId: member.organizationId,
            campaignId: input.campaignId,
            street,
            number,
            name,
            postalCode,
            city,
            floors,
            dedupeKey: normalizeForMatch([street, number, name ?? ''].join('|')),
          }),
        );
        await em.insert(
          Door,
          labels.flatMap((floorLabels, floor) =>
            floorLabels.map((label) => ({ organizationId: member.organizationId, campaignId: building.campaignId, buildingId: building.id, floor, label })),
          ),
        );
        return building;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw badInput('input.name', 'this building is already in the campaign (same street, number and name)', 'duplicate');
      throw error;
    }
  }

  /** One list of labels per floor (ground floor first): given, or "<floor>-<n>". */
  private doorLabels(input: BuildingInput, floors: number): string[][] {
    if (input.doorsPerFloor != null && input.doorLabels != null) throw badInput('input.doorLabels', 'give either doorsPerFloor or doorLabels, not both');
    if (input.doorLabels == null) {
      const perFloor = v.intRange('input.doorsPerFloor', input.doorsPerFloor, 1, MAX_DOORS_PER_FLOOR);
      if (perFloor == null) throw badInput('input.doorsPerFloor', 'give doorsPerFloor or doorLabels', 'required');
      return Array.from({ length: floors }, (_, floor) => Array.from({ length: perFloor }, (_, n) => `${floor}-${n + 1}`));
    }
    if (input.doorLabels.length !== floors) throw badInput('input.doorLabels', `must have one list per floor (${floors})`, 'maxItems', { max: floors });
    return input.doorLabels.map((floorLabels, floor) => {
      const labels = v.list(`input.doorLabels[${floor}]`, floorLabels, MAX_DOORS_PER_FLOOR, (field, label: string) => v.name(field, label, 40));
      if (labels.length === 0) throw badInput(`input.doorLabels[${floor}]`, 'a floor has at least one door', 'required');
      if (new Set(labels).size !== labels.length) throw badInput(`input.doorLabels[${floor}]`, 'labels of a floor must differ', 'duplicate');
      return labels;
    });
  }

  /** A campaign's buildings by street, then number. */
  async buildings(member: Member, campaignId: string): Promise<Building[]> {
    await this.campaigns.get(member, campaignId, { field: 'campaignId' });
    return this.db.getRepository(Building).find({
      where: { organizationId: member.organizationId, campaignId },
      order: { street: 'ASC', number: 'ASC', name: 'ASC', id: 'ASC' },
    });
  }

  /** One building of the organisation, assigned to the caller or not: /field opened from any walk sheet. */
  building(member: Member, id: string): Promise<Building> {
    return findOwned(this.db.manager, Building, member.organizationId, id);
  }

  /** The buildings assigned to the caller (of one campaign, when given). */
  async myTurf(member: Member, campaignId: string | null | undefined): Promise<Building[]> {
    if (campaignId) await this.campaigns.get(member, campaignId, { field: 'campaignId' });
    return this.db
      .getRepository(Building)
      .createQueryBuilder('b')
      .innerJoin(BuildingAssignment, 'a', 'a.building_id = b.id AND a.organization_id = b.organization_id')
      .where('b.organization_id = :org AND a.user_id = :user', { org: member.organizationId, user: member.userId })
      .andWhere(campaignId ? 'b.campaign_id = :campaignId' : 'TRUE', { campaignId })
      .orderBy('b.street', 'ASC')
      .addOrderBy('b.number', 'ASC')
      .addOrderBy('b.id', 'ASC')
      .getMany();
  }

  /** Replaces the assignees of each building by these members. */
  async assignTurf(member: Member, buildingIds: string[], userIds: string[]): Promise<Building[]> {
    v.list('buildingIds', buildingIds, MAX_BATCH, (_f, id: string) => id);
    v.list('userIds', userIds, 50, (_f, id: string) => id);
    return this.db.transaction(async (em) => {
      const buildings = await findAllOwned(em, Building, member.organizationId, buildingIds, { field: 'buildingIds', lock: true });
      const users = await findAllOwned(em, User, member.organizationId, userIds, { field: 'userIds' });
      await em.delete(BuildingAssignment, { organizationId: member.organizationId, buildingId: In(buildings.map((b) => b.id)) });
      const rows = buildings.flatMap((b) => users.map((u) => ({ organizationId: member.organizationId, buildingId: b.id, userId: u.id })));
      if (rows.length) await em.insert(BuildingAssignment, rows);
      return buildings;
    });
  }

  /**
   * "Personne au 4e": one DOOR_KNOCK conversation per door, all in one transaction,
   * each door's counters updated. The same batch sent twice at once waits on the doors'
   * locks, then fails on the batch's unique clientId, and gets the doors.
   */
  async logDoorsVisit(member: Member, input: DoorsVisitInput): Promise<Door[]> {
    const clientId = v.text('input.clientId', input.clientId, 100);
    if (!BATCH_OUTCOMES.has(input.outcome)) throw badInput('input.outcome', 'must be NOT_HOME or REFUSED: log a talk with logConversation and doorId', 'enum');
    const doorIds = [...new Set(v.list('input.doorIds', input.doorIds, MAX_BATCH, (_f, id: string) => id))];
    if (doorIds.length === 0) throw badInput('input.doorIds', 'must not be empty', 'required');
    const occurredAt = v.date('input.occurredAt', input.occurredAt) ?? new Date();
    if (occurredAt.getTime() > Date.now() + DAY_MS) throw badInput('input.occurredAt', 'must not be in the future', 'future');
    if (clientId) {
      const done = await this.db.getRepository(DoorBatch).findOneBy({ organizationId: member.organizationId, clientId });
      if (done) return this.doorsInOrder(member, done.doorIds);
    }
    try {
      await this.db.transaction(async (em) => {
        // The doors are locked first: the same batch sent at once waits here, then fails on the batch's clientId.
        const doors = await findAllOwned(em, Door, member.organizationId, doorIds, { field: 'input.doorIds', lock: true });
        if (clientId) await em.insert(DoorBatch, { organizationId: member.organizationId, clientId, doorIds });
        const campaignId = doors[0].campaignId;
        if (doors.some((d) => d.campaignId !== campaignId)) throw badInput('input.doorIds', 'the doors of a batch are of one campaign', 'otherCampaign');
        const buildings = await em.findBy(Building, { organizationId: member.organizationId, id: In([...new Set(doors.map((d) => d.buildingId))]) });
        const byId = new Map(buildings.map((b) => [b.id, b]));
        await em.insert(
          Conversation,
          doors.map((door, i) => ({
            organizationId: member.organizationId,
            organiserId: member.userId,
            campaignId,
            clientId: clientId ? `${clientId}#${i}` : null,
            kind: ConversationKind.DOOR_KNOCK,
            outcome: input.outcome,
            occurredAt,
            street: byId.get(door.buildingId)!.street,
            building: buildingLabel(byId.get(door.buildingId)!),
            door: door.label,
            doorId: door.id,
            leadershipPotential: false,
          })),
        );
        await this.recordVisits(em, member.organizationId, doorIds, input.outcome, occurredAt, null);
      });
    } catch (error) {
      if (clientId && isUniqueViolation(error)) {
        const done = await this.db.getRepository(DoorBatch).findOneBy({ organizationId: member.organizationId, clientId });
        if (done) return this.doorsInOrder(member, done.doorIds);
      }
      throw error;
    }
    return this.doorsInOrder(member, doorIds);
  }

  private async doorsInOrder(member: Member, ids: string[]): Promise<Door[]> {
    const rows = await this.db.getRepository(Door).findBy({ organizationId: member.organizationId, id: In(ids) });
    return byKey(ids, rows, (d) => d.id).filter((d): d is Door => d != null);
  }

  /** A door's counters after a visit; a visit logged late does not override a newer outcome. */
  async recordVisits(em: EntityManager, organizationId: string, doorIds: string[], outcome: ConversationOutcome, occurredAt: Date, contactId: string | null) {
    await em.query(
      `UPDATE doors SET visits = visits + 1,
              last_outcome = CASE WHEN last_visit_at IS NULL OR last_visit_at <= $3 THEN $4 ELSE last_outcome END,
              last_visit_at = GREATEST(last_visit_at, $3),
              talked = talked OR $4 = 'TALKED',
              contact_id = COALESCE($5, contact_id)
        WHERE organization_id = $1 AND id = ANY($2::uuid[])`,
      [organizationId, doorIds, occurredAt, outcome, contactId],
    );
  }

  async setDoNotKnock(member: Member, doorId: string, doNotKnock: boolean): Promise<Door> {
    return this.db.transaction(async (em) => {
      const door = await findOwned(em, Door, member.organizationId, doorId, { field: 'doorId', lock: true });
      door.doNotKnock = doNotKnock;
      await em.update(Door, { id: door.id, organizationId: member.organizationId }, { doNotKnock });
      return door;
    });
  }

  /** Doors visited, never talked to, not do-not-knock, last visited at least `minDaysSince` days ago. */
  async revisitList(member: Member, campaignId: string, minDaysSince: number, now = new Date()): Promise<Door[]> {
    const days = v.intRange('minDaysSince', minDaysSince, 0, 365)!;
    await this.campaigns.get(member, campaignId, { field: 'campaignId' });
    return this.db
      .getRepository(Door)
      .createQueryBuilder('d')
      .innerJoin(Building, 'b', 'b.id = d.building_id')
      .where('d.organization_id = :org AND d.campaign_id = :campaignId', { org: member.organizationId, campaignId })
      .andWhere('d.visits > 0 AND NOT d.talked AND NOT d.do_not_knock AND d.last_visit_at <= :before', { before: new Date(now.getTime() - days * DAY_MS) })
      .orderBy('b.street', 'ASC')
      .addOrderBy('b.number', 'ASC')
      .addOrderBy('b.id', 'ASC')
      .addOrderBy('d.floor', 'ASC')
      .addOrderBy('d.label', 'ASC')
      .getMany();
  }

  // Hooks for conversations logged with a doorId (registered in TurfModule).

  async doorPlace(member: Member, doorId: string, em: EntityManager, field: string): Promise<DoorPlace> {
    const door = await findOwned(em, Door, member.organizationId, doorId, { field, relations: { building: true } });
    return { campaignId: door.campaignId, street: door.building!.street, building: buildingLabel(door.building!), door: door.label };
  }

  async visitLogged(member: Member, visit: LoggedVisit, em: EntityManager): Promise<void> {
    if (!visit.doorId) return;
    await this.recordVisits(
      em,
      member.organizationId,
      [visit.doorId],
      visit.outcome,
      visit.occurredAt,
      visit.outcome === ConversationOutcome.TALKED ? visit.contactId : null,
    );
  }

  // Per-request loaders: a page of buildings reads its doors, figures and assignees in three statements.

  doorsOf(loaders: Loaders, member: Member) {
    return loaders.get<string, Door[]>('doorsByBuilding', async (ids) => {
      const rows = await this.db.getRepository(Door).find({
        where: { organizationId: member.organizationId, buildingId: In([...ids]) },
        order: { floor: 'ASC', label: 'ASC' },
      });
      return groupByKey(ids, rows, (d) => d.buildingId);
    });
  }

  statsOf(loaders: Loaders, member: Member) {
    return loaders.get<string, BuildingStats>('statsByBuilding', async (ids) => {
      const rows: Array<BuildingStats & { buildingId: string }> = await this.db.query(
        `SELECT building_id AS "buildingId", count(*)::int AS "doorCount",
                count(*) FILTER (WHERE visits > 0)::int AS knocked, count(*) FILTER (WHERE talked)::int AS talked,
                max(last_visit_at) AS "lastVisitAt"
           FROM doors WHERE organization_id = $1 AND building_id = ANY($2::uuid[]) GROUP BY building_id`,
        [member.organizationId, ids.filter(isUuid)],
      );
      return byKey(ids, rows, (r) => r.buildingId).map((r) => r ?? { doorCount: 0, knocked: 0, talked: 0, lastVisitAt: null });
    });
  }

  assigneesOf(loaders: Loaders, member: Member) {
    return loaders.get<string, User[]>('assigneesByBuilding', async (ids) => {
      const rows = await this.db.getRepository(BuildingAssignment).find({
        where: { organizationId: member.organizationId, buildingId: In([...ids]) },
        relations: { user: true },
        order: { createdAt: 'ASC', id: 'ASC' },
      });
      return groupByKey(ids, rows, (a) => a.buildingId).map((list) => list.map((a) => a.user!));
    });
  }

  buildingById(loaders: Loaders, member: Member) {
    return loaders.get<string, Building | null>('buildingById', async (ids) => {
      const rows = await this.db.getRepository(Building).findBy({ organizationId: member.organizationId, id: In([...ids]) });
      return byKey(ids, rows, (b) => b.id);
    });
  }

  /** Erasure, this context's part: no door keeps the person as who lives there. */
  async forgetContact(em: EntityManager, organizationId: string, contactId: string): Promise<void> {
    await em.update(Door, { organizationId, contactId }, { contactId: null });
  }

  /** Export: the doors where the person was last talked to. */
  doorsOfContact(em: EntityManager, organizationId: string, contactId: string) {
    return em.find(Door, { where: { organizationId, contactId }, relations: { building: true } });
  }
}
