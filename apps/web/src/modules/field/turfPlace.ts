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

/**
 * `buildings(campaignId)` when the link names the campaign (an organiser from the turf
 * grid), else `myTurf` (a volunteer scanning the QR code of a building assigned to them).
 *   query FieldBuildings($campaignId: ID!) { buildings(campaignId: $campaignId) { …B } }
 *   query FieldTurf { myTurf { …B } }      B = id street number name doors { id floor label }
 */
function placeQuery(byCampaign: boolean): DocumentNode {
  return {
    kind: 'Document',
    definitions: [
      {
        kind: 'OperationDefinition',
        operation: 'query',
        name: name(byCampaign ? 'FieldBuildings' : 'FieldTurf'),
        variableDefinitions: byCampaign
          ? [
              {
                kind: 'VariableDefinition',
                variable: variable('campaignId'),
                type: { kind: 'NonNullType', type: { kind: 'NamedType', name: name('ID') } },
                directives: [],
              },
            ]
          : [],
        directives: [],
        selectionSet: {
          kind: 'SelectionSet',
          selections: [
            byCampaign
              ? field('buildings', BUILDING, [{ kind: 'Argument', name: name('campaignId'), value: variable('campaignId') }])
              : field('myTurf', BUILDING),
          ],
        },
      },
    ],
  } as unknown as DocumentNode;
}

export const FieldBuildingsQuery = placeQuery(true) as TypedDocumentNode<{ buildings: PlaceBuilding[] }, { campaignId: string }>;
export const FieldTurfQuery = placeQuery(false) as TypedDocumentNode<{ myTurf: PlaceBuilding[] }, Record<string, never>>;

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

/** The building or door named by ?building= / ?door=; null while unknown (offline, not assigned…). */
export function useTurfPlace(campaignId: string | null, buildingId: string | null, doorId: string | null): TurfPlace | null {
  const wanted = !!(buildingId || doorId);
  const byCampaign = useQuery(FieldBuildingsQuery, { variables: { campaignId: campaignId ?? '' }, skip: !wanted || !campaignId, errorPolicy: 'ignore' });
  const mine = useQuery(FieldTurfQuery, { skip: !wanted || !!campaignId, errorPolicy: 'ignore' });
  return findPlace(byCampaign.data?.buildings ?? mine.data?.myTurf, buildingId, doorId);
}
