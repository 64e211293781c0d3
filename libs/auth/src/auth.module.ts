import { Module } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthService } from './auth.service.js';
import { AuthResolver } from './auth.resolver.js';
import { UserFieldsResolver } from './user-fields.resolver.js';
import { AuthGuard } from './auth.guard.js';
import { LoadedFields } from './loaded-fields.js';
import { LoginThrottle } from './login-throttle.service.js';
import { AUTH_ENTITIES } from './entities/index.js';
import { TeamService } from './team/team.service.js';
import { TeamResolver } from './team/team.resolver.js';
import { TeamMailer } from './team/team-mailer.service.js';

@Module({
  imports: [TypeOrmModule.forFeature(AUTH_ENTITIES), DiscoveryModule],
  providers: [
    AuthService,
    AuthResolver,
    UserFieldsResolver,
    LoginThrottle,
    TeamService,
    TeamResolver,
    TeamMailer,
    LoadedFields,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AuthService],
})
export class AuthModule {}
