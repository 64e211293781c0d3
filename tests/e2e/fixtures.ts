import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

const here = dirname(fileURLToPath(import.meta.url));
export const RESULTS = join(here, '../../test-results');
export const SCREENSHOTS = join(RESULTS, 'screenshots');

export const PASSWORD = 'villejean-2016-2022';
export const ACCOUNTS = {
  organiser: 'organisatrice@villejean.example',
  leader: 'leader@villejean.example',
  ally: 'allie@villejean.example',
} as const;
export const CAMPAIGN_NAME = "Réouverture de l'antenne CPAM de Villejean";

function baseUrl(): string {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error('E2E_BASE_URL is not set: run through playwright.config.ts (its global setup starts the api)');
  return url;
}

interface GqlResult<T> {
  data?: T;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

/** A GraphQL call straight to the api (to read what the page should show, or check what it wrote). */
export async function gql<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<GqlResult<T>> {
  const response = await fetch(`${baseUrl()}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GqlResult<T>;
}

export async function data<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const result = await gql<T>(query, variables, token);
  if (result.errors?.length || !result.data) throw new Error(`GraphQL: ${JSON.stringify(result.errors)}`);
  return result.data;
}

export async function tokenFor(email: string): Promise<string> {
  const result = await data<{ signIn: { token: string } }>(
    'mutation ($email: String!, $password: String!) { signIn(email: $email, password: $password) { token } }',
    { email, password: PASSWORD },
  );
  return result.signIn.token;
}

export async function seededCampaignId(token: string): Promise<string> {
  const { campaigns } = await data<{ campaigns: Array<{ id: string; name: string }> }>('{ campaigns { id name } }', {}, token);
  const campaign = campaigns.find((c) => c.name === CAMPAIGN_NAME);
  if (!campaign) throw new Error(`the demo seed has no campaign named ${CAMPAIGN_NAME}: ${JSON.stringify(campaigns)}`);
  return campaign.id;
}

/** Signs in through the form, as a person would; resolves once the home page is shown. */
export async function signIn(page: Page, email: string, home: RegExp = /\/(campaigns|allies)$/): Promise<void> {
  await page.goto('/login');
  await page.locator('input[name=email]').fill(email);
  await page.locator('input[name=password]').fill(PASSWORD);
  await page.locator('form button[type=submit]').click();
  await page.waitForURL(home);
  await expect(page.locator('h1')).toBeVisible();
}

/** axe-core on the page as shown: no serious or critical violation (WCAG 2.1 A and AA rules). */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const blocking = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 5)
          .join(' | ')}`,
    );
  expect(blocking, `axe on ${what}`).toEqual([]);
}

/** A full-page screenshot kept as an artefact in test-results/screenshots. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

export const test = base.extend({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a fixture needs from this pattern
  baseURL: async ({}, use) => {
    await use(baseUrl());
  },
  // The api sends a strict Content-Security-Policy: whatever it blocks would break the
  // page silently, so any violation the browser reports fails the test.
  page: async ({ page }, use) => {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to (load|execute|apply|connect|create|frame|evaluate)/i.test(message.text())) violations.push(message.text());
    });
    await use(page);
    expect(violations, 'Content-Security-Policy violations in the browser console').toEqual([]);
  },
});

export { expect };
