import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { byKey, groupByKey, v, type Loaders, type Member } from '@rapport/core';
import { findOwned, findAllOwned, type GetOptions } from '@rapport/db';
import { DemandStatus, LIMITS } from '@rapport/shared';
import { CampaignsService } from '@rapport/campaigns';
import { DecisionMaker } from './entities/decision-maker.entity.js';
import { Demand } from './entities/demand.entity.js';
import type { DecisionMakerInput, DemandInput } from './dto/decision-maker.input.js';

/** Checked fields of a decision-maker, naming each one in errors (create and update share them). */
function decisionMakerFields(input: DecisionMakerInput) {
  return {
    name: v.name('input.name', input.name),
    title: v.text('input.title', input.title, LIMITS.name),
    institution: v.text('input.institution', input.institution, LIMITS.name),
    power: v.intRange('input.power', input.power, 1, 5) ?? 3,
    stance: v.intRange('input.stance', input.stance, -2, 2) ?? 0,
  };
}

const byName = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

@Injectable()
export class DecisionMakersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly campaigns: CampaignsService,
  ) {}

  create(member: Member, input: DecisionMakerInput): Promise<DecisionMaker> {
    const row = { organizationId: member.organizationId, ...decisionMakerFields(input) };
    const repo = this.db.getRepository(DecisionMaker);
    return repo.save(repo.create(row));
  }

  /**
   * Edits a decision-maker as a whole (the form shows every field): power and stance
   * move as the campaign learns. An omitted power or stance keeps its value.
   */
  async update(member: Member, id: string, input: DecisionMakerInput): Promise<DecisionMaker> {
    const fields = decisionMakerFields(input);
    return this.db.transaction(async (em) => {
      const current = await this.getDecisionMaker(member, id, { em, field: 'id', lock: true });
      const changes = {
        name: fields.name,
        title: fields.title,
        institution: fields.institution,
        power: input.power == null ? current.power : fields.power,
        stance: input.stance == null ? current.stance : fields.stance,
      };
      await em.update(DecisionMaker, { id: current.id, organizationId: member.organizationId }, changes);
      return Object.assign(current, changes);
    });
  }

  /** The organisation's decision-makers, in name order (accents and case ignored). */
  async list(member: Member): Promise<DecisionMaker[]> {
    const rows = await this.db.getRepository(DecisionMaker).find({ where: { organizationId: member.organizationId } });
    return rows.sort((a, b) => byName.compare(a.name, b.name) || a.id.localeCompare(b.id));
  }

  /** NOT_FOUND (naming the field) for an unknown id or another organisation's decision-maker. */
  getDecisionMaker(member: Member, id: string, { em = this.db.manager, field, lock }: GetOptions = {}): Promise<DecisionMaker> {
    return findOwned(em, DecisionMaker, member.organizationId, id, { field, lock, label: 'decision-maker' });
  }

  /**
   * Checks that every id is one of the organisation's decision-makers, in one
   * statement; NOT_FOUND naming the field otherwise. Returns them in the order given.
   */
  assertDecisionMakers(member: Member, ids: string[], field: string, em: EntityManager = this.db.manager): Promise<DecisionMaker[]> {
    return findAllOwned(em, DecisionMaker, member.organizationId, ids, { field, label: 'decision-maker' });
  }

  async createDemand(member: Member, input: DemandInput): Promise<Demand> {
    const title = v.name('input.title', input.title);
    const deadline = v.date('input.deadline', input.deadline);
    return this.db.transaction(async (em) => {
      await this.campaigns.get(member, input.campaignId, { em, field: 'input.campaignId' });
      if (input.targetId != null) await this.getDecisionMaker(member, input.targetId, { em, field: 'input.targetId' });
      return em.save(
        em.create(Demand, {
          organizationId: member.organizationId,
          campaignId: input.campaignId,
          title,
          targetId: input.targetId ?? null,
          deadline,
          status: DemandStatus.DRAFT,
        }),
      );
    });
  }

  async setDemandStatus(member: Member, id: string, status: DemandStatus): Promise<Demand> {
    const demand = await this.getDemand(member, id);
    demand.status = status;
    await this.db.getRepository(Demand).update({ id: demand.id, organizationId: member.organizationId }, { status });
    return demand;
  }

  /** NOT_FOUND (naming the field) for an unknown id or another organisation's demand. */
  getDemand(member: Member, id: string, { em = this.db.manager, field, lock }: GetOptions = {}): Promise<Demand> {
    return findOwned(em, Demand, member.organizationId, id, { field, lock });
  }

  /** Like assertDecisionMakers, for demands (a brief's demandIds). Returns them in the order given. */
  assertDemands(member: Member, ids: string[], field: string, em: EntityManager = this.db.manager): Promise<Demand[]> {
    return findAllOwned(em, Demand, member.organizationId, ids, { field });
  }

  /** Decision-makers by id for this request: one statement for a whole list. */
  byId(loaders: Loaders, member: Member) {
    return loaders.get<string, DecisionMaker | null>('decisionMakerById', async (ids) => {
      const rows = await this.db.getRepository(DecisionMaker).findBy({ id: In([...ids]), organizationId: member.organizationId });
      return byKey(ids, rows, (d) => d.id);
    });
  }

  /** Demands by id for this request (briefs, wins). */
  demandById(loaders: Loaders, member: Member) {
    return loaders.get<string, Demand | null>('demandById', async (ids) => {
      const rows = await this.db.getRepository(Demand).findBy({ id: In([...ids]), organizationId: member.organizationId });
      return byKey(ids, rows, (d) => d.id);
    });
  }

  /** A campaign's demands, oldest first. */
  demandsByCampaign(loaders: Loaders, member: Member) {
    return loaders.get<string, Demand[]>('demandsByCampaign', async (ids) => {
      const rows = await this.db.getRepository(Demand).find({
        where: { campaignId: In([...ids]), organizationId: member.organizationId },
        order: { createdAt: 'ASC', id: 'ASC' },
      });
      return groupByKey(ids, rows, (d) => d.campaignId);
    });
  }
}
