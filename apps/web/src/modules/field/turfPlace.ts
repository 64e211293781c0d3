import type { TypedDocumentNode } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import type { DocumentNode } from 'graphql';
import type { FieldDraft } from './draft';

// /field?building=<id> (the walk sheet's QR code) and /field?campaign=<id>&door=<id>
// (the turf grid): the form opens on that building or door. The documents are built
// here by hand, not through codegen's graphql(): every codegen document sits in the
// map /field's entry loads, and /field has almost no room left in its budget.

export interface PlaceBuilding {
  id: string;
  street: string;
  number: string;
  name: string | null;
  doors: Array<{ id: string; floor: number; label: string }>;
}

const name = (value: string) => ({ kind: 'Name', value });
const variable = (value: string) => ({ kind: 'Variable', name: name(value) });
const field = (n: string, selections?: unknown[], args: unknown[] = []) => ({
  kind: 'Field',
  name: name(n),
  arguments: args,
  directives: [],
  ...(selections ? { selectionSet: { kind: 'SelectionSet', selections } } : {}),
});
const BUILDING = [
  ...['id', 'street', 'number', 'name'].map((f) => field(f)),
  field(
    'doors',
    ['id', 'floor', 'label'].map((f) => field(f)),
  ),
];

type PlaceSource = 'buildings' | 'myTurf' | 'building';
const OPERATION: Record<PlaceSource, string> = { buildings: 'FieldBuildings', myTurf: 'FieldTurf', building: 'FieldBuilding' };
const ARGUMENT: Partial<Record<PlaceSource, string>> = { buildings: 'campaignId', building: 'id' };

/**
 * `buildings(campaignId)` when the link names the campaign (an organiser from the turf
 * grid), else `myTurf` (a volunteer scanning the QR code of a building assigned to them),
 * and `building(id)` when the building is not in the caller's turf (an organiser scanning
 * the walk sheet of a building assigned to someone else).
 *   query FieldBuildings($campaignId: ID!) { buildings(campaignId: $campaignId) { …B } }
 *   query FieldTurf { myTurf { …B } }
 *   query FieldBuilding($id: ID!) { building(id: $id) { …B } }
 *                                           B = id street number name doors { id floor label }
 */
function placeQuery(source: PlaceSource): DocumentNode {
  const argument = ARGUMENT[source];
  return {
    kind: 'Document',
    definitions: [
      {
        kind: 'OperationDefinition',
        operation: 'query',
        name: name(OPERATION[source]),
        variableDefinitions: argument
          ? [
              {
                kind: 'VariableDefinition',
                variable: variable(argument),
                type: { kind: 'NonNullType', type: { kind: 'NamedType', name: name('ID') } },
                directives: [],
              },
            ]
          : [],
        directives: [],
        selectionSet: {
          kind: 'SelectionSet',
          selections: [field(source, BUILDING, argument ? [{ kind: 'Argument', name: name(argument), value: variable(argument) }] : [])],
        },
      },
    ],
  } as unknown as DocumentNode;
}

export const FieldBuildingsQuery = placeQuery('buildings') as TypedDocumentNode<{ buildings: PlaceBuilding[] }, { campaignId: string }>;
export const FieldTurfQuery = placeQuery('myTurf') as TypedDocumentNode<{ myTurf: PlaceBuilding[] }, Record<string, never>>;
export const FieldBuildingQuery = placeQuery('building') as TypedDocumentNode<{ building: PlaceBuilding }, { id: string }>;

export interface TurfPlace {
  building: PlaceBuilding;
  door: { id: string; floor: number; label: string } | null;
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

/** The building or door named by ?building= / ?door=; null while unknown (offline, another organisation's…). */
export function useTurfPlace(campaignId: string | null, buildingId: string | null, doorId: string | null): TurfPlace | null {
  const wanted = !!(buildingId || doorId);
  const byCampaign = useQuery(FieldBuildingsQuery, { variables: { campaignId: campaignId ?? '' }, skip: !wanted || !campaignId, errorPolicy: 'ignore' });
  const mine = useQuery(FieldTurfQuery, { skip: !wanted || !!campaignId, errorPolicy: 'ignore' });
  const listed = campaignId ? byCampaign.data?.buildings : mine.data?.myTurf;
  const found = findPlace(listed, buildingId, doorId);
  // Not among those buildings (assigned to someone else): asked for by its id, once the list is in.
  const byId = useQuery(FieldBuildingQuery, { variables: { id: buildingId ?? '' }, skip: !buildingId || !listed || !!found, errorPolicy: 'ignore' });
  return found ?? findPlace(byId.data ? [byId.data.building] : undefined, buildingId, doorId);
}
