import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isUuid, type Loaders, type Member } from '@rapport/core';
import { preparedQuery } from '@rapport/db';
import { CampaignsService } from '@rapport/campaigns';
import { Issue } from '@rapport/conversations';
import { Action, ActionsService } from '@rapport/actions';
import { Win, WinsService } from '@rapport/wins';
import type { CampaignProgress, CountByStatus, IssueTally, WeeklyCount } from './dto/campaign-progress.type.js';
import * as Q from './dashboard.queries.js';
import type { CampaignStage } from '@rapport/shared';

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
    private readonly winsOfCampaigns: WinsService,
  ) {}

  /**
   * The figures run side by side on the pool, with the campaign's own check: one round
   * trip's worth of latency. Each is a prepared statement (planned once per connection);
   * the organisation's time zone and the campaign's stage are read inside the statements
   * that need them. The upcoming actions and the wins are read only when asked for
   * (CampaignProgressResolver).
   */
  async progress(member: Member, campaignId: string, now = new Date()): Promise<CampaignProgress> {
    // A malformed id gets its NOT_FOUND from the check alone, before any statement casts it.
    if (!isUuid(campaignId)) await this.campaigns.get(member, campaignId);
    const args = [member.organizationId, campaignId];
    const query = (sql: string) => preparedQuery(this.db, sql, args) as Promise<Record<string, any>[]>;
    // Conversation figures come from counters kept in step with every write (see dashboard.queries.ts).
    const [campaign, figures, issues, demands, commitments, overdue, weeks, [stageNow]] = await Promise.all([
      this.campaigns.get(member, campaignId),
      query(Q.FIGURES),
      query(Q.TOP_ISSUE_FIGURES),
      query(Q.DEMANDS_BY_STATUS),
      query(Q.COMMITMENTS_BY_STATUS),
      query(Q.OVERDUE_FOLLOW_UPS),
      query(Q.WEEK_FIGURES_IN_ORGANIZATION_ZONE),
      query(Q.STAGE_NOW),
    ]);
    // The stage and its start come from one statement: a stage change meanwhile cannot mix them.
    const stage = (stageNow?.stage as CampaignStage | undefined) ?? campaign.stage;
    const stageSince: Date = stageNow?.since ?? campaign.startedAt;
    const split = (byDecisionMaker: boolean): CountByStatus[] =>
      commitments.filter((r) => r.byDecisionMaker === byDecisionMaker).map(({ status, count }) => ({ status, count }));
    return {
      campaign,
      stage,
      daysInStage: Math.max(0, Math.floor((now.getTime() - new Date(stageSince).getTime()) / DAY_MS)),
      ...((figures[0] as typeof NO_FIGURES | undefined) ?? NO_FIGURES),
      topIssues: issues.map((row) => toTally(row as TallyRow, campaign.id)),
      demandsByStatus: demands as CountByStatus[],
      commitmentsByStatus: split(false),
      decisionMakerCommitmentsByStatus: split(true),
      overdueFollowUps: overdue[0].count,
      conversationsPerWeek: weeks as WeeklyCount[],
    };
  }

  upcomingActions(member: Member, progress: CampaignProgress): Promise<Action[]> {
    return this.actions.upcomingOfCampaign(member, progress.campaign.id);
  }

  wins(member: Member, progress: CampaignProgress): Promise<Win[]> {
    return this.winsOfCampaigns.winsOfCampaign(member, progress.campaign.id);
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
