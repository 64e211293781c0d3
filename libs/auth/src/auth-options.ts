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
  tokenTtlDays: number;
}

export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');

/** The defaults and the environment, for processes that do not pass options (the worker, scripts). */
export function authOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): AuthOptions {
  return {
    operators: (env.RAPPORT_OPERATORS ?? '')
      .split(',')
      .map((e) => e.trim().toLowerCase())
      .filter(Boolean),
    registration: env.RAPPORT_REGISTRATION === 'closed' ? 'closed' : 'open',
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || 'Rapport <rapport@localhost>',
    publicUrl: env.PUBLIC_URL || undefined,
    tokenTtlDays: Number(env.TOKEN_TTL_DAYS || 30),
  };
}

/** Provides AUTH_OPTIONS to every module (AuthModule is imported by several). */
@Global()
@Module({})
export class AuthOptionsModule {
  static forRoot(options: Partial<AuthOptions> = {}): DynamicModule {
    return {
      module: AuthOptionsModule,
      providers: [{ provide: AUTH_OPTIONS, useValue: { ...authOptionsFromEnv(), ...options } }],
      exports: [AUTH_OPTIONS],
    };
  }
}
