import type { CampaignStage } from '@rapport/shared';

/**
 * When the campaign entered its current stage: the latest time it moved there
 * (it may have gone back and forth), else its start. The list and the dashboard
 * both say "Victoire depuis le 15 septembre 2022" from this one function.
 */
export function stageSince(
  stage: CampaignStage | string,
  history: ReadonlyArray<{ stage: CampaignStage | string; enteredAt: string }> | null | undefined,
  startedAt: string,
): string {
  let since: string | null = null;
  for (const change of history ?? []) {
    if (change.stage === stage && (!since || Date.parse(change.enteredAt) > Date.parse(since))) since = change.enteredAt;
  }
  return since ?? startedAt;
}
