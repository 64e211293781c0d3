import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Loaders, Member } from '@rapport/core';
import { Organization } from '@rapport/auth';
import { CampaignsService } from '@rapport/campaigns';
import { Issue } from '@rapport/conversations';
import { ActionsService } from '@rapport/actions';
import { WinsService } from '@rapport/wins';
import type { CampaignProgress, CountByStatus, IssueTally } from './dto/campaign-progress.type.js';
import * as Q from './dashboard.queries.js';

const DAY_MS = 24 * 3600 * 1000;
const NO_FIGURES = { doorsKnocked: 0, conversationsHeld: 0, oneToOnes: 0, contactsReached: 0, leadersIdentified: 0 };
/** The listening report quotes at most this many people per issue. */
const QUOTES_PER_ISSUE = 5;

@Injectable()
export class DashboardService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly campaigns: CampaignsService,
    private readonly actions: ActionsService,
    private readonly wins: WinsService,
  ) {}

  /** The figures run side by side on the pool: one round trip's worth of latency, not eleven. */
  async progress(member: Member, campaignId: string, now = new Date()): Promise<CampaignProgress> {
    const campaign = await this.campaigns.get(member, campaignId);
    const org = member.organizationId;
    const args = [org, campaign.id];
    const { timezone } = await this.db.getRepository(Organization).findOneByOrFail({ id: org });
    // Conversation figures come from counters kept in step with every write (see dashboard.queries.ts).
    const [figures, issues, demands, commitments, overdue, weeks, since, upcomingActions, wins] = await Promise.all([
      this.db.query(Q.FIGURES, args),
      this.db.query(Q.ISSUE_FIGURES + ' LIMIT 5', args),
      this.db.query(Q.DEMANDS_BY_STATUS, args),
      this.db.query(Q.COMMITMENTS_BY_STATUS, args),
      this.db.query(Q.OVERDUE_FOLLOW_UPS, args),
      this.db.query(Q.WEEK_FIGURES, [...args, timezone]),
      this.db.query(Q.CURRENT_STAGE_SINCE, [...args, campaign.stage]),
      this.actions.upcomingOfCampaign(member, campaign.id, now),
      this.wins.winsOfCampaign(member, campaign.id),
    ]);
    const stageSince: Date = since[0]?.since ?? campaign.startedAt;
    const split = (byDecisionMaker: boolean): CountByStatus[] =>
      commitments
        .filter((r: { byDecisionMaker: boolean }) => r.byDecisionMaker === byDecisionMaker)
        .map(({ status, count }: CountByStatus) => ({ status, count }));
    return {
      campaign,
      stage: campaign.stage,
      daysInStage: Math.max(0, Math.floor((now.getTime() - new Date(stageSince).getTime()) / DAY_MS)),
      ...(figures[0] ?? NO_FIGURES),
      topIssues: issues.map((row: TallyRow) => toTally(row, campaign.id)),
      demandsByStatus: demands,
      upcomingActions,
      commitmentsByStatus: split(false),
      decisionMakerCommitmentsByStatus: split(true),
      overdueFollowUps: overdue[0].count,
      wins,
      conversationsPerWeek: weeks,
    };
  }

  async listeningReport(member: Member, campaignId: string): Promise<IssueTally[]> {
    const campaign = await this.campaigns.get(member, campaignId);
    const rows = await this.db.query(Q.ISSUE_FIGURES, [member.organizationId, campaign.id]);
    return rows.map((row: TallyRow) => toTally(row, campaign.id));
  }

  /**
   * Consented quotes per issue of a campaign (IssueTally.quotes), batched: one query
   * per campaign for every issue of the report. The tally's campaign was already
   * checked to be the caller's when the tally was made.
   */
  quotesByIssue(loaders: Loaders, member: Member) {
    return loaders.get<string, string[]>('dashboard.quotesByIssue', async (keys) => {
      const byCampaign = new Map<string, string[]>();
      for (const key of keys) {
        const [campaignId, issueId] = key.split('|');
        byCampaign.set(campaignId, [...(byCampaign.get(campaignId) ?? []), issueId]);
      }
      const quotes = new Map<string, string[]>();
      for (const [campaignId, issueIds] of byCampaign) {
        const rows: Array<{ issueId: string; quote: string }> = await this.db.query(Q.ISSUE_QUOTES, [member.organizationId, campaignId, issueIds]);
        for (const row of rows) {
          const key = `${campaignId}|${row.issueId}`;
          const list = quotes.get(key) ?? [];
          if (list.length < QUOTES_PER_ISSUE) quotes.set(key, [...list, row.quote]);
        }
      }
      return keys.map((key) => quotes.get(key) ?? []);
    });
  }
}

type TallyRow = { id: string; name: string; mentions: number; contacts: number; averageIntensity: number };

function toTally(row: TallyRow, campaignId: string): IssueTally {
  const issue = Object.assign(new Issue(), { id: row.id, name: row.name });
  return { issue, campaignId, mentions: row.mentions, contacts: row.contacts, averageIntensity: Math.round(row.averageIntensity * 100) / 100 };
}
