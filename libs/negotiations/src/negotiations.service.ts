import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { badInput, groupByKey, v, type Loaders, type Member } from '@rapport/core';
import { findOwned, type GetOptions } from '@rapport/db';
import { LIMITS, NegotiationStatus } from '@rapport/shared';
import { CampaignsService } from '@rapport/campaigns';
import { Contact, ContactsService } from '@rapport/contacts';
import { Conversation, RaisedIssue } from '@rapport/conversations';
import { DecisionMaker, DecisionMakersService } from '@rapport/decision-makers';
import { Negotiation, type StoredArgument, type StoredRole } from './entities/negotiation.entity.js';
import { NegotiationDecisionMaker } from './entities/negotiation-decision-maker.entity.js';
import type { BriefInput, NegotiationInput } from './dto/negotiation.input.js';
import type { NegotiationBrief } from './dto/negotiation-brief.type.js';

/** More people than this across the table, or items in a brief list, is a mistake, not a negotiation. */
const MAX_DECISION_MAKERS = 50;
const MAX_BRIEF_ITEMS = 100;
const BRIEF_TEXTS = ['objective', 'ourLeverage', 'theirInterests', 'fallback', 'ifNoAgreement'] as const;

@Injectable()
export class NegotiationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly campaigns: CampaignsService,
    private readonly targets: DecisionMakersService,
    private readonly contacts: ContactsService,
  ) {}

  async plan(member: Member, input: NegotiationInput): Promise<Negotiation> {
    const scheduledAt = v.date('input.scheduledAt', input.scheduledAt);
    if (!scheduledAt) throw badInput('input.scheduledAt', 'must not be empty', 'required');
    const ids = [...new Set(input.decisionMakerIds ?? [])];
    if (ids.length === 0) throw badInput('input.decisionMakerIds', 'must name at least one decision-maker', 'oneDecisionMaker');
    if (ids.length > MAX_DECISION_MAKERS)
      throw badInput('input.decisionMakerIds', `must hold at most ${MAX_DECISION_MAKERS} items`, 'maxItems', { max: MAX_DECISION_MAKERS });
    return this.db.transaction(async (em) => {
      const campaign = await this.campaigns.get(member, input.campaignId, { em, field: 'input.campaignId' });
      await this.targets.assertDecisionMakers(member, ids, 'input.decisionMakerIds', em);
      const negotiation = await em.save(
        em.create(Negotiation, {
          organizationId: member.organizationId,
          campaignId: campaign.id,
          scheduledAt,
          status: NegotiationStatus.PLANNED,
          report: null,
          objective: null,
          ourLeverage: null,
          theirInterests: null,
          fallback: null,
          ifNoAgreement: null,
          briefDemandIds: [],
          briefArguments: [],
          briefRoles: [],
        }),
      );
      await em.insert(
        NegotiationDecisionMaker,
        ids.map((decisionMakerId) => ({ negotiationId: negotiation.id, decisionMakerId, organizationId: member.organizationId })),
      );
      return negotiation;
    });
  }

  /** Fields left out of `input` keep their value; a field sent as null is cleared. */
  async updateBrief(member: Member, negotiationId: string, input: BriefInput): Promise<NegotiationBrief> {
    const patch: Partial<Negotiation> = {};
    for (const key of BRIEF_TEXTS) {
      if (input[key] !== undefined) patch[key] = v.text(`input.${key}`, input[key], LIMITS.text);
    }
    if (input.demandIds !== undefined) {
      patch.briefDemandIds = [...new Set(v.list('input.demandIds', input.demandIds, MAX_BRIEF_ITEMS, (_, id) => id))];
    }
    if (input.arguments !== undefined) {
      patch.briefArguments = v.list('input.arguments', input.arguments, MAX_BRIEF_ITEMS, (f, a) => ({
        kind: a.kind,
        text: v.name(`${f}.text`, a.text, LIMITS.text),
      })) as StoredArgument[];
    }
    let roles: StoredRole[] | undefined;
    if (input.roles !== undefined) {
      roles = v.list('input.roles', input.roles, MAX_BRIEF_ITEMS, (_, r) => ({ role: r.role, contactId: r.contactId }));
      // The same person twice in the same role is one entry.
      patch.briefRoles = roles.filter((r, i) => roles!.findIndex((o) => o.role === r.role && o.contactId === r.contactId) === i);
    }

    return this.db.transaction(async (em) => {
      // Locked: two people saving different parts of the brief at once both keep their part.
      const negotiation = await this.get(member, negotiationId, { em, lock: true });
      if (patch.briefDemandIds) await this.targets.assertDemands(member, patch.briefDemandIds, 'input.demandIds', em);
      if (roles) {
        const contactIds = roles.map((r) => r.contactId);
        await this.contacts.assertAll(member, contactIds, (id) => `input.roles[${contactIds.indexOf(id)}].contactId`, em);
      }
      Object.assign(negotiation, patch);
      return this.brief(await em.save(negotiation));
    });
  }

  async recordReport(member: Member, negotiationId: string, report: string): Promise<Negotiation> {
    const text = v.name('report', report, LIMITS.text);
    return this.db.transaction(async (em) => {
      const negotiation = await this.get(member, negotiationId, { em, lock: true });
      negotiation.report = text;
      negotiation.status = NegotiationStatus.HELD;
      return em.save(negotiation);
    });
  }

  /** NOT_FOUND for an unknown id, an invalid one, or another organisation's negotiation. */
  get(member: Member, id: string, { em = this.db.manager, field = 'negotiationId', lock }: GetOptions = {}): Promise<Negotiation> {
    return findOwned(em, Negotiation, member.organizationId, id, { field, lock });
  }

  async getBrief(member: Member, negotiationId: string): Promise<NegotiationBrief> {
    return this.brief(await this.get(member, negotiationId));
  }

  brief(negotiation: Negotiation): NegotiationBrief {
    return {
      negotiation,
      objective: negotiation.objective,
      demandIds: negotiation.briefDemandIds ?? [],
      ourLeverage: negotiation.ourLeverage,
      theirInterests: negotiation.theirInterests,
      fallback: negotiation.fallback,
      ifNoAgreement: negotiation.ifNoAgreement,
      arguments: negotiation.briefArguments ?? [],
      storedRoles: negotiation.briefRoles ?? [],
    };
  }

  // ---- DataLoaders (one statement per relation for a whole list) ----

  byCampaign(loaders: Loaders, member: Member) {
    return loaders.get<string, Negotiation[]>('negotiations.byCampaign', async (campaignIds) => {
      const rows = await this.db.getRepository(Negotiation).find({
        where: { campaignId: In([...campaignIds]), organizationId: member.organizationId },
        order: { scheduledAt: 'ASC', id: 'ASC' },
      });
      return groupByKey(campaignIds, rows, (n) => n.campaignId);
    });
  }

  /** Who sits across the table, by name. */
  decisionMakers(loaders: Loaders, member: Member) {
    return loaders.get<string, DecisionMaker[]>('negotiations.decisionMakers', async (negotiationIds) => {
      const rows = await this.db.getRepository(NegotiationDecisionMaker).find({
        where: { negotiationId: In([...negotiationIds]), organizationId: member.organizationId },
        relations: { decisionMaker: true },
        order: { decisionMaker: { name: 'ASC' } },
      });
      return groupByKey(negotiationIds, rows, (r) => r.negotiationId).map((list) => list.map((r) => r.decisionMaker!).filter(Boolean));
    });
  }

  /**
   * Quotes heard in the campaign's conversations, only from people who consented
   * (and are not erased): most intense first, then the most recent.
   */
  testimonies(loaders: Loaders, member: Member) {
    return loaders.get<string, RaisedIssue[]>('negotiations.testimoniesByCampaign', async (campaignIds) => {
      const rows = await this.db
        .getRepository(RaisedIssue)
        .createQueryBuilder('ri')
        .innerJoinAndSelect('ri.conversation', 'cv')
        .innerJoin(Contact, 'ct', 'ct.id = cv.contact_id')
        .where('ri.organization_id = :org', { org: member.organizationId })
        .andWhere('cv.campaign_id IN (:...campaignIds)', { campaignIds: [...campaignIds] })
        .andWhere('ct.consent_given_at IS NOT NULL AND ct.erased_at IS NULL')
        .andWhere("ri.quote IS NOT NULL AND btrim(ri.quote) <> ''")
        .orderBy('ri.intensity', 'DESC')
        .addOrderBy('cv.occurred_at', 'DESC')
        .addOrderBy('ri.id', 'ASC')
        .getMany();
      return groupByKey(campaignIds, rows, (r) => (r.conversation as Conversation).campaignId!);
    });
  }
}
