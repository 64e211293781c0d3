import type { ApolloServerPlugin } from '@apollo/server';
import { BREAK, GraphQLError, visit, type DocumentNode } from 'graphql';

/**
 * Text PostgreSQL cannot keep as written: the NUL character, and a lone half of a
 * UTF-16 surrogate pair (it comes back as U+FFFD, so the row no longer matches
 * what was sent — an issue name would then not find its own row).
 */
const unstorable = (text: string) => text.includes('\u0000') || !(text as string & { isWellFormed(): boolean }).isWellFormed();

/** Where such a string hides in the variables ("input.notes"), if anywhere. */
function findNul(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return unstorable(value) ? path : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findNul(value[i], `${path}[${i}]`);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const found = findNul(inner, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return undefined;
}

/** Apollo keeps one parsed document per query text: each is scanned once. */
const scanned = new WeakMap<DocumentNode, boolean>();

/** A string written in the query itself ("\u0000" escapes included). */
function literalHasNul(document: DocumentNode): boolean {
  let found = scanned.get(document);
  if (found !== undefined) return found;
  found = false;
  visit(document, {
    StringValue(node) {
      if (unstorable(node.value)) {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  scanned.set(document, found);
  return found;
}

/**
 * PostgreSQL cannot store the NUL character in text: refuse it once, here, for
 * every argument, rather than letting the database answer with an internal error.
 */
export function nulGuardPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const field = findNul(request.variables ?? {}, '') ?? (literalHasNul(document) ? 'query' : undefined);
          if (field) {
            throw new GraphQLError(`${field}: must not contain the NUL character (nor a broken Unicode character)`, {
              extensions: { code: 'BAD_USER_INPUT', field, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
