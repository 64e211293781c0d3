import { ACCOUNTS, CAMPAIGN_NAME, data, expect, expectAccessible, screenshot, seededCampaignId, signIn, test, tokenFor } from './fixtures.ts';

interface Progress {
  stage: string;
  doorsKnocked: number;
  conversationsHeld: number;
  oneToOnes: number;
  contactsReached: number;
  leadersIdentified: number;
  overdueFollowUps: number;
  topIssues: Array<{ issue: { name: string }; mentions: number }>;
  commitmentsByStatus: Array<{ status: string; count: number }>;
  decisionMakerCommitmentsByStatus: Array<{ status: string; count: number }>;
  wins: Array<{ title: string; celebrated: boolean }>;
  upcomingActions: Array<{ title: string; turnoutGoal: number | null; committedCount: number }>;
}

const PROGRESS = `query ($id: ID!) {
  campaignProgress(campaignId: $id) {
    stage doorsKnocked conversationsHeld oneToOnes contactsReached leadersIdentified overdueFollowUps
    topIssues { issue { name } mentions }
    commitmentsByStatus { status count }
    decisionMakerCommitmentsByStatus { status count }
    wins { title celebrated }
    upcomingActions { title turnoutGoal committedCount }
  }
  listeningReport(campaignId: $id) { issue { name } }
}`;

const count = (rows: Array<{ status: string; count: number }>, status: string) => rows.find((r) => r.status === status)?.count ?? 0;

test('the dashboard of the seeded Villejean campaign shows the figures of campaignProgress', async ({ page }) => {
  const token = await tokenFor(ACCOUNTS.organiser);
  const campaignId = await seededCampaignId(token);
  const api = await data<{ campaignProgress: Progress; listeningReport: unknown[] }>(PROGRESS, { id: campaignId }, token);
  const progress = api.campaignProgress;

  // The fixture's story: 60 doors knocked, 8 one-to-ones, 3 leaders, a broken and a kept promise, two wins; won.
  expect(progress.doorsKnocked).toBeGreaterThanOrEqual(60);
  expect(progress.oneToOnes).toBeGreaterThanOrEqual(8);
  expect(progress.leadersIdentified).toBeGreaterThanOrEqual(3);
  expect(progress.stage).toBe('WON');

  await signIn(page, ACCOUNTS.organiser, /\/campaigns$/);
  await page.getByRole('link', { name: CAMPAIGN_NAME }).click();
  await expect(page).toHaveURL(new RegExp(`/campaigns/${campaignId}$`));
  await expect(page.getByRole('heading', { level: 1, name: CAMPAIGN_NAME })).toBeVisible();

  const figure = (name: string) => page.locator(`[data-figure="${name}"] dd:not([data-hint])`);
  await expect(figure('doorsKnocked')).toHaveText(String(progress.doorsKnocked));
  await expect(figure('conversationsHeld')).toHaveText(String(progress.conversationsHeld));
  await expect(figure('oneToOnes')).toHaveText(String(progress.oneToOnes));
  await expect(figure('contactsReached')).toHaveText(String(progress.contactsReached));
  await expect(figure('leadersIdentified')).toHaveText(String(progress.leadersIdentified));

  // Stage stepper: WON is the current step.
  await expect(page.locator('.stepper [aria-current="step"]')).toContainText('Victoire');

  // Charts (their own lazily loaded chunk) drawn in SVG.
  const charts = page.locator('svg.chart-svg');
  await expect(charts).toHaveCount(2);
  for (const tally of progress.topIssues) {
    await expect(page.locator('svg.chart-svg title', { hasText: tally.issue.name }).first()).toBeAttached();
  }
  await page.locator('summary', { hasText: 'Rapport d’écoute complet' }).click();
  await expect(page.locator('[data-section="listeningReport"] tbody tr')).toHaveCount(api.listeningReport.length);
  // Beside the conversations, the permanences' cases on the same issue (the demo links them).
  await expect(page.locator('[data-section="listeningReport"] td[data-cases]:not([data-cases="0"])').first()).toBeVisible();

  // The cases of the permanences linked to the campaign, as the API counts them (the demo's 36 for 30 people,
  // plus any case another end-to-end test opened on the shared demo before this one).
  const { campaign } = await data<{ campaign: { evidence: { cases: number; people: number } } }>(
    `query($id: ID!) { campaign(id: $id) { evidence { cases people } } }`,
    { id: campaignId },
    token,
  );
  expect(campaign.evidence.cases).toBeGreaterThanOrEqual(36);
  const evidence = page.getByRole('region', { name: 'Dossiers des permanences liés à la campagne' });
  await expect(evidence.locator('[data-figure="evidence-cases"] dd')).toHaveText(String(campaign.evidence.cases));
  await expect(evidence.locator('[data-figure="evidence-people"] dd')).toHaveText(String(campaign.evidence.people));
  await expect(evidence.locator('[data-figure="evidence-medianDays"] dd')).toHaveText(/^\d+,\d jours$/);

  // Commitments, for people and for decision-makers.
  for (const [row, counts] of [
    ['contacts', progress.commitmentsByStatus],
    ['decisionMakers', progress.decisionMakerCommitmentsByStatus],
  ] as const) {
    for (const status of ['KEPT', 'BROKEN', 'OPEN']) {
      await expect(page.locator(`tr[data-row="${row}"] td[data-status="${status}"]`)).toHaveText(String(count(counts, status)));
    }
  }
  expect(count(progress.decisionMakerCommitmentsByStatus, 'BROKEN')).toBeGreaterThanOrEqual(1);
  expect(count(progress.decisionMakerCommitmentsByStatus, 'KEPT')).toBeGreaterThanOrEqual(1);
  await expect(page.locator('[data-figure="overdueFollowUps"]')).toContainText(String(progress.overdueFollowUps));

  // Upcoming actions with their turnout goal and commitments.
  const actions = page.getByRole('region', { name: 'Actions à venir' });
  for (const action of progress.upcomingActions) {
    const card = actions.locator('li', { hasText: action.title });
    await expect(card).toBeVisible();
    if (action.turnoutGoal != null) await expect(card).toContainText(`${action.committedCount} engagé·es pour un objectif de ${action.turnoutGoal}`);
  }

  // Wins, those still to celebrate marked.
  for (const win of progress.wins) await expect(page.getByText(win.title, { exact: true })).toBeVisible();
  await expect(page.locator('[data-figure="toCelebrate"]')).toContainText(String(progress.wins.filter((w) => !w.celebrated).length));

  await expectAccessible(page, '/campaigns/:id');
  await screenshot(page, 'dashboard');
});
