import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { byKey, groupByKey, notFound, v, type Loaders, type Member, isUuid } from '@rapport/core';
import { DemandStatus, LIMITS } from '@rapport/shared';
import { CampaignsService } from '@rapport/campaigns';
import { DecisionMaker } from './entities/decision-maker.entity.js';
import { Demand } from './entities/demand.entity.js';
import type { DecisionMakerInput, DemandInput } from './dto/decision-maker.input.js';

const byName = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
const what = (field: string, thing: string) => (field === 'id' ? thing : `${field}: ${thing}`);

@Injectable()
export class DecisionMakersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly campaigns: CampaignsService,
  ) {}

  create(member: Member, input: DecisionMakerInput): Promise<DecisionMaker> {
    const row = {
      organizationId: member.organizationId,
      name: v.name('input.name', input.name),
      title: v.text('input.title', input.title, LIMITS.name),
      institution: v.text('input.institution', input.institution, LIMITS.name),
      power: v.intRange('input.power', input.power, 1, 5) ?? 3,
      stance: v.intRange('input.stance', input.stance, -2, 2) ?? 0,
    };
    const repo = this.db.getRepository(DecisionMaker);
    return repo.save(repo.create(row));
  }

  /** The organisation's decision-makers, in name order (accents and case ignored). */
  async list(member: Member): Promise<DecisionMaker[]> {
    const rows = await this.db.getRepository(DecisionMaker).find({ where: { organizationId: member.organizationId } });
    return rows.sort((a, b) => byName.compare(a.name, b.name) || a.id.localeCompare(b.id));
  }

  /** NOT_FOUND (naming the field) for an unknown id or another organisation's decision-maker. */
  async getDecisionMaker(member: Member, id: string, em: EntityManager = this.db.manager, field = 'id'): Promise<DecisionMaker> {
    const row = isUuid(id) ? await em.findOneBy(DecisionMaker, { id, organizationId: member.organizationId }) : null;
    if (!row) throw notFound(what(field, 'decision-maker'), id);
    return row;
  }

  /**
   * Checks that every id is one of the organisation's decision-makers, in one
   * statement; NOT_FOUND naming the field otherwise. Returns them in the order given.
   */
  async assertDecisionMakers(member: Member, ids: string[], field: string, em: EntityManager = this.db.manager): Promise<DecisionMaker[]> {
    const unique = [...new Set(ids)];
    const invalid = unique.find((id) => !isUuid(id));
    if (invalid !== undefined) throw notFound(`${field}: decision-maker`, invalid);
    if (unique.length === 0) return [];
    const found = await em.findBy(DecisionMaker, { id: In(unique), organizationId: member.organizationId });
    const ordered = byKey(unique, found, (d) => d.id);
    const missing = unique.find((_, i) => !ordered[i]);
    if (missing) throw notFound(`${field}: decision-maker`, missing);
    return ordered as DecisionMaker[];
  }

  async createDemand(member: Member, input: DemandInput): Promise<Demand> {
    const title = v.name('input.title', input.title);
    const deadline = v.date('input.deadline', input.deadline);
    return this.db.transaction(async (em) => {
      await this.campaigns.get(member, input.campaignId, em, 'input.campaignId');
      if (input.targetId != null) await this.getDecisionMaker(member, input.targetId, em, 'input.targetId');
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
  async getDemand(member: Member, id: string, em: EntityManager = this.db.manager, field = 'id'): Promise<Demand> {
    const row = isUuid(id) ? await em.findOneBy(Demand, { id, organizationId: member.organizationId }) : null;
    if (!row) throw notFound(what(field, 'demand'), id);
    return row;
  }

  /** Like assertDecisionMakers, for demands (a brief's demandIds). Returns them in the order given. */
  async assertDemands(member: Member, ids: string[], field: string, em: EntityManager = this.db.manager): Promise<Demand[]> {
    const unique = [...new Set(ids)];
    const invalid = unique.find((id) => !isUuid(id));
    if (invalid !== undefined) throw notFound(`${field}: demand`, invalid);
    if (unique.length === 0) return [];
    const found = await em.findBy(Demand, { id: In(unique), organizationId: member.organizationId });
    const ordered = byKey(unique, found, (d) => d.id);
    const missing = unique.find((_, i) => !ordered[i]);
    if (missing) throw notFound(`${field}: demand`, missing);
    return ordered as Demand[];
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
