import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { badInput, groupByKey, v, type Loaders, type Member, isUuid } from '@rapport/core';
import { findOwned, type GetOptions } from '@rapport/db';
import { CampaignsService } from '@rapport/campaigns';
import { DecisionMakersService } from '@rapport/decision-makers';
import { ActionsService } from '@rapport/actions';
import { Win } from './entities/win.entity.js';
import type { WinInput } from './dto/win.input.js';

@Injectable()
export class WinsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly campaigns: CampaignsService,
    private readonly decisionMakers: DecisionMakersService,
    private readonly actions: ActionsService,
  ) {}

  /**
   * A win may name the demand it grants; the demand's status is the team's call
   * (a partial win, a promise not yet kept), so it is left as it is.
   */
  async record(member: Member, input: WinInput, now = new Date()): Promise<Win> {
    const title = v.name('input.title', input.title);
    const wonAt = v.date('input.wonAt', input.wonAt) ?? now;
    return this.db.transaction(async (em) => {
      await this.campaigns.get(member, input.campaignId, { em, field: 'input.campaignId' });
      if (input.demandId != null) {
        const demand = await this.decisionMakers.getDemand(member, input.demandId, { em, field: 'input.demandId' });
        if (demand.campaignId !== input.campaignId) throw badInput('input.demandId', 'is a demand of another campaign', 'otherCampaign');
      }
      return em.save(
        em.create(Win, {
          organizationId: member.organizationId,
          campaignId: input.campaignId,
          title,
          wonAt,
          size: input.size,
          celebrated: false,
          celebratedAt: null,
          celebrationActionId: null,
          demandId: input.demandId ?? null,
        }),
      );
    });
  }

  /** Celebration fights resignation: record that it happened, and at which action if any. */
  async markCelebrated(member: Member, id: string, celebrationActionId?: string | null, now = new Date()): Promise<Win> {
    return this.db.transaction(async (em) => {
      const win = await this.get(member, id, { em });
      if (celebrationActionId != null) {
        await this.actions.get(member, celebrationActionId, { em, field: 'celebrationActionId' });
        win.celebrationActionId = celebrationActionId;
      }
      win.celebrated = true;
      win.celebratedAt = now;
      return em.save(win);
    });
  }

  /** Wins not celebrated yet, newest first. */
  toCelebrate(member: Member): Promise<Win[]> {
    return this.db.getRepository(Win).find({
      where: { organizationId: member.organizationId, celebrated: false },
      order: { wonAt: 'DESC', id: 'ASC' },
    });
  }

  /** A campaign's wins, newest first (the dashboard). */
  winsOfCampaign(member: Member, campaignId: string): Promise<Win[]> {
    if (!isUuid(campaignId)) return Promise.resolve([]);
    return this.db.getRepository(Win).find({
      where: { organizationId: member.organizationId, campaignId },
      order: { wonAt: 'DESC', id: 'ASC' },
    });
  }

  /** NOT_FOUND (naming the field) for an unknown id or another organisation's win. */
  get(member: Member, id: string, { em = this.db.manager, field, lock }: GetOptions = {}): Promise<Win> {
    return findOwned(em, Win, member.organizationId, id, { field, lock });
  }

  /** A list of campaigns' wins, newest first, in one statement. */
  byCampaign(loaders: Loaders, member: Member) {
    return loaders.get<string, Win[]>('winsByCampaign', async (ids) => {
      const rows = await this.db.getRepository(Win).find({
        where: { campaignId: In([...ids]), organizationId: member.organizationId },
        order: { wonAt: 'DESC', id: 'ASC' },
      });
      return groupByKey(ids, rows, (w) => w.campaignId);
    });
  }
}
