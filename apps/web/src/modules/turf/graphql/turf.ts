import type { TypedDocumentNode } from '@apollo/client';
import type { DocumentNode } from 'graphql';
import type { ConversationOutcome, Role } from '@rapport/shared';

// The turf page's operations, as parsed documents (the text of each is in the comment
// below it), typed here rather than through codegen's `graphql()`: every codegen document
// is in the map that /field's entry loads, and /field has no room left in its budget;
// parsing at run time would pull graphql's parser into /field's shared chunk too.
// These load with the turf page only. To change one: edit the text, parse it with
// graphql's parse(text, { noLocation: true }) and paste the JSON.
// (apps/api/schema.graphql is the reference; the integration tests cover the same fields.)

export interface TurfDoor {
  id: string;
  floor: number;
  label: string;
  visits: number;
  lastOutcome: ConversationOutcome | null;
  doNotKnock: boolean;
}

export interface TurfBuilding {
  id: string;
  street: string;
  number: string;
  name: string | null;
  doorCount: number;
  knocked: number;
  talked: number;
  assignedTo: TurfUser[];
  doors: TurfDoor[];
}

/** A member a building is assigned to (or may be). */
export interface TurfUser {
  id: string;
  displayName: string;
}

/** A campaign's buildings with their doors: the turf page's grid. */
export const BuildingsQuery: TypedDocumentNode<{ buildings: TurfBuilding[] }, { campaignId: string }> = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'Buildings' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'campaignId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
          directives: [],
        },
      ],
      directives: [],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'buildings' },
            arguments: [
              { kind: 'Argument', name: { kind: 'Name', value: 'campaignId' }, value: { kind: 'Variable', name: { kind: 'Name', value: 'campaignId' } } },
            ],
            directives: [],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' }, arguments: [], directives: [] },
                { kind: 'Field', name: { kind: 'Name', value: 'street' }, arguments: [], directives: [] },
                { kind: 'Field', name: { kind: 'Name', value: 'number' }, arguments: [], directives: [] },
                { kind: 'Field', name: { kind: 'Name', value: 'name' }, arguments: [], directives: [] },
                { kind: 'Field', name: { kind: 'Name', value: 'doorCount' }, arguments: [], directives: [] },
                { kind: 'Field', name: { kind: 'Name', value: 'knocked' }, arguments: [], directives: [] },
                { kind: 'Field', name: { kind: 'Name', value: 'talked' }, arguments: [], directives: [] },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'assignedTo' },
                  arguments: [],
                  directives: [],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' }, arguments: [], directives: [] },
                      { kind: 'Field', name: { kind: 'Name', value: 'displayName' }, arguments: [], directives: [] },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'doors' },
                  arguments: [],
                  directives: [],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' }, arguments: [], directives: [] },
                      { kind: 'Field', name: { kind: 'Name', value: 'floor' }, arguments: [], directives: [] },
                      { kind: 'Field', name: { kind: 'Name', value: 'label' }, arguments: [], directives: [] },
                      { kind: 'Field', name: { kind: 'Name', value: 'visits' }, arguments: [], directives: [] },
                      { kind: 'Field', name: { kind: 'Name', value: 'lastOutcome' }, arguments: [], directives: [] },
                      { kind: 'Field', name: { kind: 'Name', value: 'doNotKnock' }, arguments: [], directives: [] },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode;
/* BuildingsQuery:
  query Buildings($campaignId: ID!) {
    buildings(campaignId: $campaignId) {
      id
      street
      number
      name
      doorCount
      knocked
      talked
      assignedTo {
        id
        displayName
      }
      doors {
        id
        floor
        label
        visits
        lastOutcome
        doNotKnock
      }
    }
  }
*/

export interface RevisitDoor {
  id: string;
  floor: number;
  label: string;
  building: { id: string; name: string | null; street: string; number: string };
}

export const RevisitListQuery: TypedDocumentNode<{ revisitList: RevisitDoor[] }, { campaignId: string; minDaysSince: number }> = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'RevisitList' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'campaignId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
          directives: [],
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'minDaysSince' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
          directives: [],
        },
      ],
      directives: [],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'revisitList' },
            arguments: [
              { kind: 'Argument', name: { kind: 'Name', value: 'campaignId' }, value: { kind: 'Variable', name: { kind: 'Name', value: 'campaignId' } } },
              { kind: 'Argument', name: { kind: 'Name', value: 'minDaysSince' }, value: { kind: 'Variable', name: { kind: 'Name', value: 'minDaysSince' } } },
            ],
            directives: [],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' }, arguments: [], directives: [] },
                { kind: 'Field', name: { kind: 'Name', value: 'floor' }, arguments: [], directives: [] },
                { kind: 'Field', name: { kind: 'Name', value: 'label' }, arguments: [], directives: [] },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'building' },
                  arguments: [],
                  directives: [],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' }, arguments: [], directives: [] },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' }, arguments: [], directives: [] },
                      { kind: 'Field', name: { kind: 'Name', value: 'street' }, arguments: [], directives: [] },
                      { kind: 'Field', name: { kind: 'Name', value: 'number' }, arguments: [], directives: [] },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode;
/* RevisitListQuery:
  query RevisitList($campaignId: ID!, $minDaysSince: Int) {
    revisitList(campaignId: $campaignId, minDaysSince: $minDaysSince) {
      id
      floor
      label
      building {
        id
        name
        street
        number
      }
    }
  }
*/

/** "Personne au 4e": many doors at once, one clientId for the batch. */
export const LogDoorsVisitMutation: TypedDocumentNode<
  { logDoorsVisit: Array<Pick<TurfDoor, 'id' | 'visits' | 'lastOutcome'>> },
  { input: { clientId: string; doorIds: string[]; outcome: ConversationOutcome } }
> = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'LogDoorsVisit' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'DoorsVisitInput' } } },
          directives: [],
        },
      ],
      directives: [],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'logDoorsVisit' },
            arguments: [{ kind: 'Argument', name: { kind: 'Name', value: 'input' }, value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } } }],
            directives: [],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' }, arguments: [], directives: [] },
                { kind: 'Field', name: { kind: 'Name', value: 'visits' }, arguments: [], directives: [] },
                { kind: 'Field', name: { kind: 'Name', value: 'lastOutcome' }, arguments: [], directives: [] },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode;
/* LogDoorsVisitMutation:
  mutation LogDoorsVisit($input: DoorsVisitInput!) {
    logDoorsVisit(input: $input) {
      id
      visits
      lastOutcome
    }
  }
*/

export type BuildingProgress = Pick<TurfBuilding, 'id' | 'street' | 'number' | 'name' | 'doorCount' | 'knocked' | 'talked'>;

/** Per building, doors knocked and talked: the dashboard's block (no doors: one grouped statement on the API). */
export const BuildingProgressQuery: TypedDocumentNode<{ buildings: BuildingProgress[] }, { campaignId: string }> = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'BuildingProgress' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'campaignId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
          directives: [],
        },
      ],
      directives: [],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'buildings' },
            arguments: [
              { kind: 'Argument', name: { kind: 'Name', value: 'campaignId' }, value: { kind: 'Variable', name: { kind: 'Name', value: 'campaignId' } } },
            ],
            directives: [],
            selectionSet: {
              kind: 'SelectionSet',
              selections: ['id', 'street', 'number', 'name', 'doorCount', 'knocked', 'talked'].map((value) => ({
                kind: 'Field',
                name: { kind: 'Name', value },
                arguments: [],
                directives: [],
              })),
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode;
/* BuildingProgressQuery:
  query BuildingProgress($campaignId: ID!) {
    buildings(campaignId: $campaignId) {
      id
      street
      number
      name
      doorCount
      knocked
      talked
    }
  }
*/

export interface TurfMember extends TurfUser {
  role: Role;
}

/** The organisation's members, to choose whom a building is assigned to (asked for when the chooser opens). */
export const TurfMembersQuery: TypedDocumentNode<{ members: TurfMember[] }, Record<string, never>> = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'TurfMembers' },
      variableDefinitions: [],
      directives: [],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'members' },
            arguments: [],
            directives: [],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' }, arguments: [], directives: [] },
                { kind: 'Field', name: { kind: 'Name', value: 'displayName' }, arguments: [], directives: [] },
                { kind: 'Field', name: { kind: 'Name', value: 'role' }, arguments: [], directives: [] },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode;
/* TurfMembersQuery:
  query TurfMembers {
    members {
      id
      displayName
      role
    }
  }
*/

/** Replaces a building's assignees; the answer updates the building in the cache (and so the page). */
export const AssignTurfMutation: TypedDocumentNode<
  { assignTurf: Array<{ id: string; assignedTo: TurfUser[] }> },
  { buildingIds: string[]; userIds: string[] }
> = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'AssignTurf' },
      variableDefinitions: ['buildingIds', 'userIds'].map((value) => ({
        kind: 'VariableDefinition',
        variable: { kind: 'Variable', name: { kind: 'Name', value } },
        type: {
          kind: 'NonNullType',
          type: { kind: 'ListType', type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } } },
        },
        directives: [],
      })),
      directives: [],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'assignTurf' },
            arguments: ['buildingIds', 'userIds'].map((value) => ({
              kind: 'Argument',
              name: { kind: 'Name', value },
              value: { kind: 'Variable', name: { kind: 'Name', value } },
            })),
            directives: [],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' }, arguments: [], directives: [] },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'assignedTo' },
                  arguments: [],
                  directives: [],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' }, arguments: [], directives: [] },
                      { kind: 'Field', name: { kind: 'Name', value: 'displayName' }, arguments: [], directives: [] },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode;
/* AssignTurfMutation:
  mutation AssignTurf($buildingIds: [ID!]!, $userIds: [ID!]!) {
    assignTurf(buildingIds: $buildingIds, userIds: $userIds) {
      id
      assignedTo {
        id
        displayName
      }
    }
  }
*/
