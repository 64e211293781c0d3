import type { TypedDocumentNode } from '@apollo/client';
import type { DocumentNode } from 'graphql';
import type { ParticipationStatus } from '@rapport/shared';

// The check-in page's operations, as parsed documents (the text of each is in the comment
// below it), typed here rather than through codegen's `graphql()`, as in modules/turf: every
// codegen document is loaded by /field, which has no room left in its budget.
// To change one: edit the text, parse it with graphql's parse(text, { noLocation: true }) and paste the JSON.

interface Person {
  id: string;
  firstName: string;
  lastName: string | null;
}

export interface TurnoutAction {
  id: string;
  title: string;
  startsAt: string;
  cancelledAt: string | null;
  turnoutGoal: number | null;
  committedCount: number;
  checkInCount: number;
  participants: Array<{ status: ParticipationStatus; contact: Person }>;
  callList: Array<{ contact: Person; phone: string | null; status: ParticipationStatus; lastCallAt: string | null; lastCallNote: string | null }>;
}

export const TurnoutQuery: TypedDocumentNode<{ action: TurnoutAction | null }, { id: string }> = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'Turnout' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
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
            name: { kind: 'Name', value: 'action' },
            arguments: [{ kind: 'Argument', name: { kind: 'Name', value: 'id' }, value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } } }],
            directives: [],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' }, arguments: [], directives: [] },
                { kind: 'Field', name: { kind: 'Name', value: 'title' }, arguments: [], directives: [] },
                { kind: 'Field', name: { kind: 'Name', value: 'startsAt' }, arguments: [], directives: [] },
                { kind: 'Field', name: { kind: 'Name', value: 'cancelledAt' }, arguments: [], directives: [] },
                { kind: 'Field', name: { kind: 'Name', value: 'turnoutGoal' }, arguments: [], directives: [] },
                { kind: 'Field', name: { kind: 'Name', value: 'committedCount' }, arguments: [], directives: [] },
                { kind: 'Field', name: { kind: 'Name', value: 'checkInCount' }, arguments: [], directives: [] },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'participants' },
                  arguments: [],
                  directives: [],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'status' }, arguments: [], directives: [] },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'contact' },
                        arguments: [],
                        directives: [],
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' }, arguments: [], directives: [] },
                            { kind: 'Field', name: { kind: 'Name', value: 'firstName' }, arguments: [], directives: [] },
                            { kind: 'Field', name: { kind: 'Name', value: 'lastName' }, arguments: [], directives: [] },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'callList' },
                  arguments: [],
                  directives: [],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'contact' },
                        arguments: [],
                        directives: [],
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' }, arguments: [], directives: [] },
                            { kind: 'Field', name: { kind: 'Name', value: 'firstName' }, arguments: [], directives: [] },
                            { kind: 'Field', name: { kind: 'Name', value: 'lastName' }, arguments: [], directives: [] },
                          ],
                        },
                      },
                      { kind: 'Field', name: { kind: 'Name', value: 'phone' }, arguments: [], directives: [] },
                      { kind: 'Field', name: { kind: 'Name', value: 'status' }, arguments: [], directives: [] },
                      { kind: 'Field', name: { kind: 'Name', value: 'lastCallAt' }, arguments: [], directives: [] },
                      { kind: 'Field', name: { kind: 'Name', value: 'lastCallNote' }, arguments: [], directives: [] },
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
/* TurnoutQuery:
  query Turnout($id: ID!) {
    action(id: $id) {
      id
      title
      startsAt
      cancelledAt
      turnoutGoal
      committedCount
      checkInCount
      participants {
        status
        contact {
          id
          firstName
          lastName
        }
      }
      callList {
        contact {
          id
          firstName
          lastName
        }
        phone
        status
        lastCallAt
        lastCallNote
      }
    }
  }
*/

export const CheckInMutation: TypedDocumentNode<{ checkIn: { id: string; checkInCount: number } }, { actionId: string; contactId: string }> = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'CheckIn' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'actionId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
          directives: [],
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'contactId' } },
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
            name: { kind: 'Name', value: 'checkIn' },
            arguments: [
              { kind: 'Argument', name: { kind: 'Name', value: 'actionId' }, value: { kind: 'Variable', name: { kind: 'Name', value: 'actionId' } } },
              { kind: 'Argument', name: { kind: 'Name', value: 'contactId' }, value: { kind: 'Variable', name: { kind: 'Name', value: 'contactId' } } },
            ],
            directives: [],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' }, arguments: [], directives: [] },
                { kind: 'Field', name: { kind: 'Name', value: 'checkInCount' }, arguments: [], directives: [] },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode;
/* CheckInMutation:
  mutation CheckIn($actionId: ID!, $contactId: ID!) {
    checkIn(actionId: $actionId, contactId: $contactId) {
      id
      checkInCount
    }
  }
*/

export const CloseAttendanceMutation: TypedDocumentNode<{ closeAttendance: { id: string; checkInCount: number } }, { actionId: string }> = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'CloseAttendance' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'actionId' } },
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
            name: { kind: 'Name', value: 'closeAttendance' },
            arguments: [
              { kind: 'Argument', name: { kind: 'Name', value: 'actionId' }, value: { kind: 'Variable', name: { kind: 'Name', value: 'actionId' } } },
            ],
            directives: [],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' }, arguments: [], directives: [] },
                { kind: 'Field', name: { kind: 'Name', value: 'checkInCount' }, arguments: [], directives: [] },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode;
/* CloseAttendanceMutation:
  mutation CloseAttendance($actionId: ID!) {
    closeAttendance(actionId: $actionId) {
      id
      checkInCount
    }
  }
*/
