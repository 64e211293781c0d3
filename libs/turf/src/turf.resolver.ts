import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentMember, type Loaders, type Member, LoadedField } from '@rapport/core';
import { Role } from '@rapport/shared';
import { User } from '@rapport/auth';
import { Contact, ContactsService } from '@rapport/contacts';
import { TurfService } from './turf.service.js';
import { Building } from './entities/building.entity.js';
import { Door } from './entities/door.entity.js';
import { BuildingInput, DoorsVisitInput } from './dto/turf.input.js';

@Resolver(() => Building)
export class BuildingResolver {
  constructor(private readonly turf: TurfService) {}

  @Query(() => [Building], { description: 'members except ALLY; ordered by street, number' })
  buildings(@CurrentMember() member: Member, @Args('campaignId', { type: () => ID }) campaignId: string) {
    return this.turf.buildings(member, campaignId);
  }

  @Query(() => [Building], { description: 'buildings assigned to the caller' })
  myTurf(@CurrentMember() member: Member, @Args('campaignId', { type: () => ID, nullable: true }) campaignId: string | null) {
    return this.turf.myTurf(member, campaignId);
  }

  @Query(() => Building, {
    description: "members except ALLY; NOT_FOUND for an unknown id or another organisation's building (a walk sheet's QR code opened by anyone of the team)",
  })
  building(@CurrentMember() member: Member, @Args('id', { type: () => ID }) id: string) {
    return this.turf.building(member, id);
  }

  @Query(() => [Door], {
    description: 'Doors to come back to: visited, never TALKED, not doNotKnock, last visit at least `minDaysSince` days ago; by building, floor, label',
  })
  revisitList(
    @CurrentMember() member: Member,
    @Args('campaignId', { type: () => ID }) campaignId: string,
    @Args('minDaysSince', { type: () => Int, nullable: true, defaultValue: 3 }) minDaysSince: number | null,
  ) {
    return this.turf.revisitList(member, campaignId, minDaysSince ?? 3);
  }

  @Mutation(() => Building, { description: 'ORGANISER, LEADER; BAD_USER_INPUT on a duplicate (same campaign, street, number and name)' })
  createBuilding(@CurrentMember() member: Member, @Args('input') input: BuildingInput) {
    return this.turf.createBuilding(member, input);
  }

  @Mutation(() => [Building], { description: 'ORGANISER, LEADER; replaces the assignees' })
  assignTurf(
    @CurrentMember() member: Member,
    @Args('buildingIds', { type: () => [ID] }) buildingIds: string[],
    @Args('userIds', { type: () => [ID] }) userIds: string[],
  ) {
    return this.turf.assignTurf(member, buildingIds, userIds);
  }

  @Mutation(() => [Door], { description: 'many doors at once: one conversation per door, in one transaction; same clientId twice = written once' })
  logDoorsVisit(@CurrentMember() member: Member, @Args('input') input: DoorsVisitInput) {
    return this.turf.logDoorsVisit(member, input);
  }

  @Mutation(() => Door)
  setDoNotKnock(@CurrentMember() member: Member, @Args('doorId', { type: () => ID }) doorId: string, @Args('doNotKnock') doNotKnock: boolean) {
    return this.turf.setDoNotKnock(member, doorId, doNotKnock);
  }

  @LoadedField(() => [Door], { description: 'by floor then label' })
  doors(building: Building, member: Member, loaders: Loaders) {
    return this.turf.doorsOf(loaders, member).load(building.id);
  }

  @LoadedField(() => Int)
  async doorCount(building: Building, member: Member, loaders: Loaders) {
    return (await this.turf.statsOf(loaders, member).load(building.id)).doorCount;
  }

  @LoadedField(() => Int, { description: 'doors with at least one visit' })
  async knocked(building: Building, member: Member, loaders: Loaders) {
    return (await this.turf.statsOf(loaders, member).load(building.id)).knocked;
  }

  @LoadedField(() => Int, { description: 'doors where someone talked at least once' })
  async talked(building: Building, member: Member, loaders: Loaders) {
    return (await this.turf.statsOf(loaders, member).load(building.id)).talked;
  }

  @LoadedField(() => Date, { nullable: true })
  async lastVisitAt(building: Building, member: Member, loaders: Loaders) {
    return (await this.turf.statsOf(loaders, member).load(building.id)).lastVisitAt;
  }

  @LoadedField(() => [User])
  assignedTo(building: Building, member: Member, loaders: Loaders) {
    return this.turf.assigneesOf(loaders, member).load(building.id);
  }
}

@Resolver(() => Door)
export class DoorResolver {
  constructor(
    private readonly turf: TurfService,
    private readonly contacts: ContactsService,
  ) {}

  @LoadedField(() => Building)
  building(door: Door, member: Member, loaders: Loaders) {
    return this.turf.buildingById(loaders, member).load(door.buildingId);
  }

  /** Who lives there is personal: never for allies. */
  @LoadedField(() => Contact, { nullable: true, description: 'the person last talked to there; null for ALLY' })
  contact(door: Door, member: Member, loaders: Loaders) {
    if (member.role === Role.ALLY || !door.contactId) return null;
    return this.contacts.byId(loaders, member).load(door.contactId);
  }
}
