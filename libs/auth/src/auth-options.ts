import { Global, Module, type DynamicModule } from '@nestjs/common';

/** What the accounts part of the api reads from the configuration (see loadConfig). */
export interface AuthOptions {
  /** Lower-case emails of the instance operators: only they reach /admin/queues. */
  operators: string[];
  /** closed: registerOrganization answers FORBIDDEN; `npm run org:create` makes organisations. */
  registration: 'open' | 'closed';
  /** Invitation and password-reset emails go out only when set. */
  smtpUrl?: string;
  mailFrom: string;
  /** Base of the links in emails; else the address the request came to. */
  publicUrl?: string;
  /** This machine's address, for email links when PUBLIC_URL is unset (never the request's Host header). */
  localUrl: string;
  tokenTtlDays: number;
}

export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');

/**
 * The defaults, for processes that pass no options (the worker, tests). The
 * environment is read only by loadConfig (libs/platform/src/config.ts), whose
 * `auth` section the api passes to AuthOptionsModule.forRoot.
 */
export const DEFAULT_AUTH_OPTIONS: AuthOptions = Object.freeze({
  operators: [],
  registration: 'open',
  mailFrom: 'Rapport <rapport@localhost>',
  localUrl: 'http://localhost:3000',
  tokenTtlDays: 30,
});

/** Provides AUTH_OPTIONS to every module (AuthModule is imported by several). */
@Global()
@Module({})
export class AuthOptionsModule {
  static forRoot(options: Partial<AuthOptions> = {}): DynamicModule {
    return {
      module: AuthOptionsModule,
      providers: [{ provide: AUTH_OPTIONS, useValue: { ...DEFAULT_AUTH_OPTIONS, ...options } }],
      exports: [AUTH_OPTIONS],
    };
  }
}
