import { useEffect, useMemo } from 'react';
import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import type { PlaceBuildingFragment as PlaceBuildingData } from '../../gql/graphql';
import type { FieldDraft } from './draft';

// /field?building=<id> (the walk sheet's QR code) and /field?campaign=<id>&door=<id>
// (the turf grid): the form opens on that building or door.
//
// `buildings(campaignId)` when the link names the campaign (an organiser from the turf
// grid), else `myTurf` (a volunteer scanning the QR code of a building assigned to them),
// and `building(id)` when the building is not in the caller's turf (an organiser scanning
// the walk sheet of a building assigned to someone else). The three select the same fields (PlaceBuilding).

/** What /field needs of a building: where it is, and its doors. */
export const PlaceBuildingFragment = graphql(`
  fragment PlaceBuilding on Building {
    id
    street
    number
    name
    doors {
      id
      floor
      label
    }
  }
`);

export const FieldBuildingsQuery = graphql(`
  query FieldBuildings($campaignId: ID!) {
    buildings(campaignId: $campaignId) {
      ...PlaceBuilding
    }
  }
`);

export const FieldTurfQuery = graphql(`
  query FieldTurf {
    myTurf {
      ...PlaceBuilding
    }
  }
`);

export const FieldBuildingQuery = graphql(`
  query FieldBuilding($id: ID!) {
    building(id: $id) {
      ...PlaceBuilding
    }
  }
`);

export type PlaceBuilding = PlaceBuildingData;

export interface TurfPlace {
  building: PlaceBuilding;
  door: PlaceBuilding['doors'][number] | null;
}

/** "Tour Kennedy B", or "12 Cours Kennedy": as the API names a building in a conversation. */
export const buildingLabel = (b: Pick<PlaceBuilding, 'name' | 'number' | 'street'>) => b.name ?? `${b.number} ${b.street}`;

/** The building (and door) the ids name, among the buildings fetched; null when not (yet) known. */
export function findPlace(buildings: readonly PlaceBuilding[] | undefined, buildingId: string | null, doorId: string | null): TurfPlace | null {
  for (const building of buildings ?? []) {
    const door = doorId ? (building.doors.find((d) => d.id === doorId) ?? null) : null;
    if (door || (!doorId && building.id === buildingId)) return { building, door };
  }
  return null;
}

/**
 * What the draft takes from the link: the door's id at once (offline too: the API fills
 * street, building and door from it), and the words once the building is known.
 */
export function placePatch(place: TurfPlace | null, doorId: string | null): Partial<FieldDraft> {
  const patch: Partial<FieldDraft> = { doorId: doorId ?? '' };
  if (!place) return patch;
  return { ...patch, street: place.building.street, building: buildingLabel(place.building), door: place.door?.label ?? '' };
}

/**
 * The building or door named by ?building= / ?door=, told to `onPlace` (null while unknown:
 * offline, another organisation's…). A component, mounted only when the link names a place:
 * a query hook costs its setup even when skipped, and most visits to /field name none.
 */
export function TurfPlaceLookup({ campaignId, buildingId, doorId, onPlace }: TurfPlaceLookupProps): null {
  const byCampaign = useQuery(FieldBuildingsQuery, { variables: { campaignId: campaignId ?? '' }, skip: !campaignId, errorPolicy: 'ignore' });
  const mine = useQuery(FieldTurfQuery, { skip: !!campaignId, errorPolicy: 'ignore' });
  const listed = campaignId ? byCampaign.data?.buildings : mine.data?.myTurf;
  const found = findPlace(listed, buildingId, doorId);
  // Not among those buildings (assigned to someone else): asked for by its id, once the list is in.
  const byId = useQuery(FieldBuildingQuery, { variables: { id: buildingId ?? '' }, skip: !buildingId || !listed || !!found, errorPolicy: 'ignore' });
  const building = byId.data?.building;
  // One object per answer (not per render), so the page is told only when the place changes.
  const place = useMemo(
    () => findPlace(listed, buildingId, doorId) ?? findPlace(building ? [building] : undefined, buildingId, doorId),
    [listed, building, buildingId, doorId],
  );
  useEffect(() => onPlace(place), [place, onPlace]);
  return null;
}

interface TurfPlaceLookupProps {
  campaignId: string | null;
  buildingId: string | null;
  doorId: string | null;
  onPlace: (place: TurfPlace | null) => void;
}
