import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Organization } from '@rapport/auth';
import { replayFixture, type CampaignFixture, type Gql } from './replay-fixture.js';
import { seedDemoDues } from './demo-dues.js';
import { seedDemoCasework } from './demo-casework.js';
import { seedDemoDuplicates } from './demo-duplicates.js';
import { seedDemoTurf } from './demo-turf.js';

export const DEMO_FIXTURE = join(dirname(fileURLToPath(import.meta.url)), '../../seed-data/villejean-cpam.json');

/** The demo accounts printed on first start (documented in the README). */
export const DEMO_ACCOUNTS = {
  organiser: { email: 'organisatrice@villejean.example', password: 'villejean-2016-2022', displayName: 'Nadia (permanente)' },
  leader: { email: 'leader@villejean.example', password: 'villejean-2016-2022', displayName: 'Mamadou (leader)', role: 'LEADER' },
  ally: { email: 'allie@villejean.example', password: 'villejean-2016-2022', displayName: 'Claire (alliée solidaire)', role: 'ALLY' },
};

export const loadFixture = (path = DEMO_FIXTURE): CampaignFixture => JSON.parse(readFileSync(path, 'utf8'));

/** A GraphQL client for an api listening at `baseUrl` that throws on any error. */
export function httpGql(baseUrl: string): Gql {
  return async (query, variables, token) => {
    const res = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: any; errors?: Array<{ message: string }> };
    if (body.errors?.length) throw new Error(`${body.errors.map((e) => e.message).join('; ')} (in ${query.slice(0, 60)}…)`);
    return body.data;
  };
}

/**
 * On first start (no organisation yet) loads the Villejean campaign through the
 * api listening at `baseUrl`: the same resolvers and services as any user.
 */
export async function seedDemo(app: INestApplicationContext, baseUrl: string): Promise<boolean> {
  const db = app.get<DataSource>(getDataSourceToken());
  if ((await db.getRepository(Organization).count()) > 0) return false;
  const gql = httpGql(baseUrl);
  const fixture = loadFixture();
  const demo = await replayFixture(gql, fixture, DEMO_ACCOUNTS.organiser, [DEMO_ACCOUNTS.leader, DEMO_ACCOUNTS.ally]);
  await seedDemoDues(gql, demo.token, demo.contactIds);
  await seedDemoCasework(gql, db, { token: demo.token, campaignId: demo.campaignId, contactIds: demo.contactIds, issues: fixture.issues });
  await seedDemoDuplicates(gql, demo.token, demo.contactIds);
  await seedDemoTurf(gql, demo.token, demo.campaignId, demo.contactIds);
  return true;
}
