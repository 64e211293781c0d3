import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type ValidationContext, type ASTVisitor, type GraphQLSchema } from 'graphql';
import depthLimit from 'graphql-depth-limit';
import { getComplexity, simpleEstimator } from 'graphql-query-complexity';

// Hostile requests are refused before anything runs: too deep, too many aliases,
// or too costly. A field with a `first` argument costs `first` times its
// selection; other lists are counted as 5 items (a conversation raises a few
// issues), the `edges` of a connection as the connection's `first`.

export const MAX_DEPTH = 10;
export const MAX_ALIASES = 30;
export const MAX_COMPLEXITY = 20_000;

export function aliasLimit(max: number) {
  return (context: ValidationContext): ASTVisitor => {
    let aliases = 0;
    return {
      Field(node) {
        if (node.alias && ++aliases === max + 1) {
          context.reportError(new GraphQLError(`Query has more than ${max} aliases`, { extensions: { code: 'BAD_USER_INPUT' } }));
        }
      },
    };
  };
}

export const validationRules = [depthLimit(MAX_DEPTH), aliasLimit(MAX_ALIASES)];

const listAwareEstimator = ({ args, childComplexity, field }: { args: Record<string, unknown>; childComplexity: number; field: { type: unknown } }) => {
  if (typeof args.first === 'number') return 1 + Math.min(Math.max(args.first, 1), 500) * Math.max(childComplexity, 1);
  const isList = String(field.type).includes('[');
  if (!isList || (field as { name?: string }).name === 'edges') return undefined;
  return 1 + 5 * Math.max(childComplexity, 1);
};

export function complexityPlugin(): ApolloServerPlugin {
  let schema: GraphQLSchema;
  return {
    async serverWillStart(service) {
      schema = service.schema;
    },
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          let complexity: number;
          try {
            complexity = getComplexity({
            schema,
            query: document,
            operationName: request.operationName,
            variables: request.variables,
            estimators: [listAwareEstimator as never, simpleEstimator({ defaultComplexity: 1 })],
            });
          } catch {
            // Variables that do not fit the schema: execution refuses them with BAD_USER_INPUT.
            return;
          }
          if (complexity > MAX_COMPLEXITY) {
            throw new GraphQLError(`Query is too costly (${complexity}, the limit is ${MAX_COMPLEXITY}); ask for fewer items`, {
              extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
