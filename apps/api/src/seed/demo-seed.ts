import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuthService, Organization } from '@rapport/auth';
import { Role } from '@rapport/shared';

export const DEMO_FIXTURE = join(dirname(fileURLToPath(import.meta.url)), '../../seed-data/villejean-cpam.json');

/** The demo accounts printed on first start (documented in the README). */
export const DEMO_ACCOUNTS = {
  organiser: { email: 'organisatrice@villejean.example', password: 'villejean-2016-2022', displayName: 'Nadia (permanente)' },
  leader: { email: 'leader@villejean.example', password: 'villejean-2016-2022', displayName: 'Mamadou (leader)' },
  ally: { email: 'allie@villejean.example', password: 'villejean-2016-2022', displayName: 'Claire (alliée solidaire)' },
};

export type Fixture = {
  organization: { name: string; locale: string; timezone: string };
  [key: string]: unknown;
};

export const loadFixture = (path = DEMO_FIXTURE): Fixture => JSON.parse(readFileSync(path, 'utf8'));

/**
 * Loads the Villejean demo organisation through the same services the API uses,
 * once: when the database holds no organisation yet. Returns false if it did nothing.
 */
export async function seedDemo(app: INestApplicationContext): Promise<boolean> {
  const db = app.get<DataSource>(getDataSourceToken());
  if ((await db.getRepository(Organization).count()) > 0) return false;
  const fixture = loadFixture();
  const auth = app.get(AuthService);
  const { organization, user } = await auth.registerOrganization({
    organizationName: fixture.organization.name,
    locale: fixture.organization.locale,
    ...DEMO_ACCOUNTS.organiser,
  });
  const organiser = { userId: user.id, organizationId: organization.id, role: Role.ORGANISER, tokenId: '' };
  await auth.addMember(organiser, { ...DEMO_ACCOUNTS.leader, role: Role.LEADER });
  await auth.addMember(organiser, { ...DEMO_ACCOUNTS.ally, role: Role.ALLY });
  return true;
}
