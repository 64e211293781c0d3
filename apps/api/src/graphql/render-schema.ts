import type { INestApplication } from '@nestjs/common';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';

export const SCHEMA_HEADER =
  '# Generated from the code-first resolvers by `npm run schema`; do not edit by hand.\n' +
  '# A test fails when this file is stale; CI checks it against ../shared/contract/schema.graphql.\n\n';

/** The schema as committed at apps/api/schema.graphql: sorted, so diffs stay small. */
export function renderSchema(app: INestApplication): string {
  const { schema } = app.get(GraphQLSchemaHost);
  return SCHEMA_HEADER + printSchema(lexicographicSortSchema(schema)) + '\n';
}
