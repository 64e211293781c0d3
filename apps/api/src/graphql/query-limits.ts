import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  GraphQLError,
  Kind,
  getNamedType,
  getNullableType,
  isListType,
  isCompositeType,
  valueFromAST,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

// Hostile requests cost what honest ones do: everything here runs before any
// resolver, in time proportional to the document's size (fragments are costed
// once each, however often they are spread), and refuses with an error code.
//
// - tokens: the parser gives up after MAX_TOKENS, so 100,000 `__typename` or a
//   1 MB document are refused while parsing, not after;
// - depth (each fragment spread counts as a level), aliases, directives;
// - a static cost (GraphQL Armor's), and our own list-aware cost: GraphQL Armor
//   does not know which fields are lists, so a list field costs its `first`
//   (literal, variable or default) or DEFAULT_LIST_SIZE times its selection.
//
// The web app's largest query (the campaign dashboard) stays well inside every
// limit; tests/src/integration/security-limits.spec.ts checks all its queries.

export const MAX_TOKENS = 2_000;
export const MAX_DEPTH = 10;
export const MAX_ALIASES = 30;
export const MAX_DIRECTIVES = 20;
export const MAX_STATIC_COST = 50_000;
export const MAX_LIST_COST = 50_000;
/** What a list without `first` is assumed to hold (a contact's conversations, a campaign's actions). */
export const DEFAULT_LIST_SIZE = 20;
/** `first` beyond this is refused by the services anyway; costing caps it here. */
const MAX_FIRST = 500;

const armor = new ApolloArmor({
  // GraphQL Armor's token limit for Apollo throws from parsingDidStart, which Apollo
  // answers with a 500; graphql-js counts tokens itself while parsing (parseOptions
  // below), and a refusal there is a clean GRAPHQL_PARSE_FAILED 400.
  maxTokens: { enabled: false },
  maxDepth: { n: MAX_DEPTH, flattenFragments: false },
  maxAliases: { n: MAX_ALIASES },
  maxDirectives: { n: MAX_DIRECTIVES },
  costLimit: { maxCost: MAX_STATIC_COST, flattenFragments: true },
  blockFieldSuggestion: { enabled: true },
});

const protection = armor.protect();
/** GraphQL Armor's validation rules (depth, aliases, directives, static cost). */
export const armorValidationRules = protection.validationRules;
/** The parser stops after MAX_TOKENS tokens: Apollo's `parseOptions`. */
export const parseOptions = { maxTokens: MAX_TOKENS };
/** GraphQL Armor's plugins (no field suggestions); its types come from Apollo's CommonJS build. */
export const armorPlugins = protection.plugins as unknown as ApolloServerPlugin[];

const tooCostly = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });

/**
 * The cost of an operation: each field 1, a list field `first` (or
 * DEFAULT_LIST_SIZE) times its selection. Throws on anything it cannot cost,
 * so the caller refuses the request (fails closed).
 */
export function listCost(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown> = {}): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const fragmentCost = new Map<string, number>();
  const inProgress = new Set<string>();

  const sizeOf = (node: FieldNode, field: GraphQLField<unknown, unknown>): number | undefined => {
    const firstArg = field.args.find((a) => a.name === 'first' || a.name === 'last');
    if (!firstArg) return undefined;
    const given = node.arguments?.find((a) => a.name.value === firstArg.name);
    const value = given ? valueFromAST(given.value, firstArg.type, variables) : firstArg.defaultValue;
    if (value === undefined || value === null) return undefined;
    // Not a number: execution refuses it naming the variable; cost it as the worst case meanwhile.
    if (typeof value !== 'number' || !Number.isFinite(value)) return MAX_FIRST;
    return Math.min(Math.max(Math.trunc(value), 1), MAX_FIRST);
  };

  const selectionCost = (set: SelectionSetNode, parent: GraphQLNamedType): number => {
    if (!isCompositeType(parent)) throw new Error(`${parent.name} has no fields`);
    let cost = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) cost += fieldCost(selection, parent);
      else if (selection.kind === Kind.INLINE_FRAGMENT) {
        cost += selectionCost(selection.selectionSet, selection.typeCondition ? typeNamed(selection.typeCondition.name.value) : parent);
      } else {
        const name = selection.name.value;
        let known = fragmentCost.get(name);
        if (known === undefined) {
          const fragment = fragments.get(name);
          if (!fragment || inProgress.has(name)) throw new Error(`fragment ${name} cannot be costed`);
          inProgress.add(name);
          known = selectionCost(fragment.selectionSet, typeNamed(fragment.typeCondition.name.value));
          inProgress.delete(name);
          fragmentCost.set(name, known);
        }
        cost += known;
      }
    }
    return cost;
  };

  const typeNamed = (name: string): GraphQLNamedType => {
    const type = schema.getType(name);
    if (!type) throw new Error(`unknown type ${name}`);
    return type;
  };

  const fieldCost = (node: FieldNode, parent: GraphQLCompositeType): number => {
    const name = node.name.value;
    if (name === '__typename') return 1;
    if (name.startsWith('__')) return 1 + (node.selectionSet ? selectionCost(node.selectionSet, getNamedType(introspectionType(name))) : 0);
    if (!('getFields' in parent)) throw new Error(`${parent.name}.${name} cannot be costed`);
    const field = parent.getFields()[name];
    if (!field) throw new Error(`unknown field ${parent.name}.${name}`);
    const child = node.selectionSet ? selectionCost(node.selectionSet, getNamedType(field.type)) : 0;
    const first = sizeOf(node, field);
    // A connection's `edges` are already counted by the connection's `first`.
    const isList = isListType(getNullableType(field.type)) && name !== 'edges';
    const size = first ?? (isList ? DEFAULT_LIST_SIZE : 1);
    return 1 + size * child;
  };

  const introspectionType = (name: string) => {
    const type = name === '__schema' ? schema.getType('__Schema') : schema.getType('__Type');
    if (!type) throw new Error('no introspection types');
    return type;
  };

  const root =
    operation.operation === 'mutation'
      ? schema.getMutationType()
      : operation.operation === 'subscription'
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  if (!root) throw new Error(`no ${operation.operation} type`);
  return selectionCost(operation.selectionSet, root);
}

/** Refuses an operation whose list-aware cost is over MAX_LIST_COST, or that cannot be costed. */
export function listCostPlugin(): ApolloServerPlugin {
  let schema: GraphQLSchema;
  const fixedCosts = new WeakMap<OperationDefinitionNode, number>();
  return {
    async serverWillStart(service) {
      schema = service.schema;
    },
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation }) {
          let cost: number;
          try {
            if (!operation) throw new Error('no operation');
            // An operation without variables costs the same every time: Apollo keeps one
            // parsed document per query text, so its cost is computed once.
            const fixed = !operation.variableDefinitions?.length;
            const known = fixed ? fixedCosts.get(operation) : undefined;
            cost = known ?? listCost(schema, document, operation, request.variables ?? {});
            if (fixed && known === undefined) fixedCosts.set(operation, cost);
          } catch {
            // Fail closed: what cannot be costed does not run.
            throw tooCostly('Query could not be costed; it was not run');
          }
          if (cost > MAX_LIST_COST) throw tooCostly(`Query is too costly (${Math.round(cost)}, the limit is ${MAX_LIST_COST}); ask for fewer items`);
        },
      };
    },
  };
}
