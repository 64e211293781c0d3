import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { badInput, byKey, groupByKey, isUuid, v, type Loaders, type Member } from '@rapport/core';
import { findOwned, type GetOptions } from '@rapport/db';
import { CampaignStage } from '@rapport/shared';
import { Campaign } from './entities/campaign.entity.js';
import { StageChange } from './entities/stage-change.entity.js';
import type { CampaignInput } from './dto/campaign.input.js';

@Injectable()
export class CampaignsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** A campaign starts in LISTENING: that is the first entry of its history. */
  async create(member: Member, input: CampaignInput): Promise<Campaign> {
    const name = v.name('input.name', input.name);
    const goal = v.text('input.goal', input.goal);
    const startedAt = v.date('input.startedAt', input.startedAt) ?? new Date();
    return this.db.transaction(async (em) => {
      const campaign = await em.save(em.create(Campaign, { organizationId: member.organizationId, name, goal, startedAt, stage: CampaignStage.LISTENING }));
      await em.save(
        em.create(StageChange, {
          organizationId: member.organizationId,
          campaignId: campaign.id,
          stage: CampaignStage.LISTENING,
          enteredAt: startedAt,
          note: null,
        }),
      );
      return campaign;
    });
  }

  /**
   * Any other stage is allowed (a campaign often goes back from negotiation to
   * action) and recorded; moving to the current stage is a mistake.
   */
  async advance(member: Member, campaignId: string, stage: CampaignStage, note?: string | null, enteredAt?: Date | null): Promise<Campaign> {
    const cleanNote = v.text('note', note);
    const at = v.date('enteredAt', enteredAt) ?? new Date();
    return this.db.transaction(async (em) => {
      const campaign = await this.get(member, campaignId, { em, field: 'campaignId', lock: true });
      if (campaign.stage === stage) throw badInput('stage', `the campaign is already at ${stage}`, 'sameStage', { stage });
      campaign.stage = stage;
      await em.save(campaign);
      await em.save(em.create(StageChange, { organizationId: member.organizationId, campaignId, stage, enteredAt: at, note: cleanNote }));
      return campaign;
    });
  }

  list(member: Member): Promise<Campaign[]> {
    return this.db.getRepository(Campaign).find({ where: { organizationId: member.organizationId }, order: { startedAt: 'DESC' } });
  }

  find(member: Member, id: string): Promise<Campaign | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return this.db.getRepository(Campaign).findOneBy({ id, organizationId: member.organizationId });
  }

  /** NOT_FOUND (naming the field) for an unknown id or another organisation's campaign. */
  get(member: Member, id: string, { em = this.db.manager, field = 'campaignId', lock }: GetOptions = {}): Promise<Campaign> {
    return findOwned(em, Campaign, member.organizationId, id, { field, lock });
  }

  history(loaders: Loaders, member: Member) {
    return loaders.get<string, StageChange[]>('stageHistoryByCampaign', async (ids) => {
      const rows = await this.db.getRepository(StageChange).find({
        where: { campaignId: In([...ids]), organizationId: member.organizationId },
        order: { enteredAt: 'ASC', createdAt: 'ASC' },
      });
      return groupByKey(ids, rows, (r) => r.campaignId);
    });
  }

  byId(loaders: Loaders, member: Member) {
    return loaders.get<string, Campaign | null>('campaignById', async (ids) => {
      const rows = await this.db.getRepository(Campaign).findBy({ id: In([...ids]), organizationId: member.organizationId });
      return byKey(ids, rows, (c) => c.id);
    });
  }
}
