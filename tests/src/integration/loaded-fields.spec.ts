// LoadedFields (libs/auth) puts a direct call to each @LoadedField method in the schema,
// skipping Nest's per-call machinery: the start must stop rather than skip a guard or field
// middleware a method declares, and a placed field must check the permission map.
import { Injectable, Module, UseGuards, type CanActivate } from '@nestjs/common';
import { GraphQLSchemaHost, Resolver } from '@nestjs/graphql';
import type { GraphQLObjectType } from 'graphql';
import { createApi } from '@rapport/api';
import { LOADED_FIELD_OPERATION } from '@rapport/auth';
import { Campaign } from '@rapport/campaigns';
import { LoadedField, type Member } from '@rapport/core';
import { createTestDatabase } from '../support/test-app.js';

@Injectable()
class Never implements CanActivate {
  canActivate() {
    return false;
  }
}

@Resolver(() => Campaign)
class GuardedProbe {
  @UseGuards(Never)
  @LoadedField(() => String, { name: 'guardedProbe', nullable: true })
  probe(_campaign: Campaign, member: Member) {
    return member.userId;
  }
}

@Resolver(() => Campaign)
class PlainProbe {
  @LoadedField(() => String, { name: 'plainProbe', nullable: true })
  probe(_campaign: Campaign, member: Member) {
    return member.userId;
  }
}

@Module({ providers: [GuardedProbe, Never] })
class GuardedModule {}

@Module({ providers: [PlainProbe] })
class PlainModule {}

describe('LoadedFields', () => {
  let databaseUrl: string;
  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
  });

  const start = (extra: object) =>
    createApi({ databaseUrl, redisUrl: process.env.TEST_REDIS_URL!, queuePrefix: `lf${Date.now()}`, logger: false, extraModules: [extra as never] });

  it('stops the start for a @LoadedField with a guard of its own', async () => {
    const app = await start(GuardedModule);
    try {
      await expect(app.init()).rejects.toThrow(/GuardedProbe\.probe: has field middleware or a guard of its own/);
    } finally {
      await app.close().catch(() => undefined);
    }
  });

  it('places the others in the schema, each naming the operation it checks', async () => {
    const app = await start(PlainModule);
    try {
      await app.init();
      const campaign = app.get(GraphQLSchemaHost).schema.getType('Campaign') as GraphQLObjectType;
      expect((campaign.getFields().plainProbe.resolve as Record<symbol, unknown>)[LOADED_FIELD_OPERATION]).toBe('Campaign.plainProbe');
    } finally {
      await app.close();
    }
  });
});
