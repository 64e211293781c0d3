import { Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@rapport/auth';
import { ContactsModule } from '@rapport/contacts';
import { CampaignsModule } from '@rapport/campaigns';
import { ConversationLinks, ConversationsModule } from '@rapport/conversations';
import { ActionsModule, TurnoutService } from '@rapport/actions';
import { TURF_ENTITIES } from './entities/index.js';
import { TurfService } from './turf.service.js';
import { BuildingResolver, DoorResolver } from './turf.resolver.js';

@Module({
  imports: [TypeOrmModule.forFeature(TURF_ENTITIES), AuthModule, ContactsModule, CampaignsModule, ConversationsModule, ActionsModule],
  providers: [TurfService, BuildingResolver, DoorResolver],
  exports: [TurfService],
})
export class TurfModule implements OnModuleInit {
  constructor(
    private readonly turf: TurfService,
    private readonly turnout: TurnoutService,
    private readonly links: ConversationLinks,
  ) {}

  /** Plugs doors and calls into conversations: a talk at a door, a call about an action. */
  onModuleInit() {
    this.links.register({
      door: (member, doorId, em, field) => this.turf.doorPlace(member, doorId, em, field),
      logged: async (member, visit, em) => {
        await this.turf.visitLogged(member, visit, em);
        if (visit.actionId) await this.turnout.recordCall(member, em, { ...visit, actionId: visit.actionId });
      },
    });
  }
}
