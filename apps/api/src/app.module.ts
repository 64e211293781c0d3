import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Loaders, type RequestContext } from '@rapport/core';
import { PlatformModule, type PlatformOptions } from '@rapport/platform';
import { AuthModule, AuthOptionsModule, type AuthOptions } from '@rapport/auth';
import { RemindersModule } from '@rapport/reminders';
import { ContactsModule } from '@rapport/contacts';
import { CampaignsModule } from '@rapport/campaigns';
import { ConversationsModule } from '@rapport/conversations';
import { DecisionMakersModule } from '@rapport/decision-makers';
import { ActionsModule } from '@rapport/actions';
import { NegotiationsModule } from '@rapport/negotiations';
import { CommitmentsModule } from '@rapport/commitments';
import { WinsModule } from '@rapport/wins';
import { DashboardModule } from '@rapport/dashboard';
import { PrivacyModule } from '@rapport/privacy';
import { MembershipModule } from '@rapport/membership';
import { CaseworkModule } from '@rapport/casework';
import { PeopleDataModule } from '@rapport/people-data';
import { TurfModule } from '@rapport/turf';
import { HealthController } from './health/health.controller.js';
import { armorPlugins, armorValidationRules, listCostPlugin, parseOptions } from './graphql/query-limits.js';
import { nulGuardPlugin } from './graphql/nul-guard.js';
import { formatError } from './graphql/format-error.js';
import { ClientErrorFilter } from './graphql/client-error.filter.js';
import { APP_FILTER } from '@nestjs/core';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';

export interface ApiOptions extends PlatformOptions {
  /** Where to write the generated schema; true keeps it in memory (tests). */
  schemaFile?: string | true;
  /** Extra modules, such as the worker when one process runs both. */
  extraModules?: Array<Type | DynamicModule>;
  /** Operators, registration, SMTP and links for accounts (loadConfig().auth); unset fields take DEFAULT_AUTH_OPTIONS. */
  auth?: Partial<AuthOptions>;
  /** Answer introspection queries (loadConfig().graphqlIntrospection: not when NODE_ENV=production); default true (tests). */
  introspection?: boolean;
  /** The built web app to serve (loadConfig().webDist); default apps/web/dist. */
  webDist?: string;
}

/** The domain, one module per bounded context. */
export const DOMAIN_MODULES = [
  AuthModule,
  RemindersModule,
  ContactsModule,
  CampaignsModule,
  ConversationsModule,
  DecisionMakersModule,
  ActionsModule,
  NegotiationsModule,
  CommitmentsModule,
  WinsModule,
  DashboardModule,
  MembershipModule,
  CaseworkModule,
  PeopleDataModule,
  TurfModule,
  PrivacyModule,
];

@Module({})
export class AppModule {
  static forRoot(options: ApiOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot(options),
        AuthOptionsModule.forRoot(options.auth),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          path: '/graphql',
          autoSchemaFile: options.schemaFile ?? true,
          sortSchema: true,
          graphiql: false,
          // Production hides the schema unless GRAPHQL_INTROSPECTION=true (the web app needs none: codegen reads schema.graphql).
          introspection: options.introspection ?? true,
          // One operation per request, and no automatic persisted queries (a cache anyone could fill).
          allowBatchedHttpRequests: false,
          persistedQueries: false,
          // Guards run on resolved fields too: the permission map covers nested data (the
          // @LoadedField ones check it in LoadedFields, without Nest's per-call machinery).
          fieldResolverEnhancers: ['guards'],
          context: ({ req }: { req: RequestContext['req'] }): RequestContext => ({ req, loaders: new Loaders() }),
          includeStacktraceInErrorResponses: false,
          formatError,
          parseOptions,
          validationRules: armorValidationRules,
          // No cache hints are used (answers about people are `no-store`, set by http-security.ts):
          // without Apollo's cache-control plugin no hook runs for every resolved field.
          plugins: [...armorPlugins, nulGuardPlugin(), listCostPlugin(), ApolloServerPluginCacheControlDisabled()],
        }),
        ...DOMAIN_MODULES,
        ...(options.extraModules ?? []),
      ],
      controllers: [HealthController],
      providers: [{ provide: APP_FILTER, useClass: ClientErrorFilter }],
    };
  }
}
