import type { ApolloServerPlugin } from '@apollo/server';
import { DocumentNode, FragmentDefinitionNode, GraphQLError, Kind, OperationDefinitionNode, SelectionSetNode, ValidationRule } from 'graphql';
import depthLimit from 'graphql-depth-limit';
import { ComplexityEstimator, fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

/**
 * Refuses queries nested deeper than `maxDepth` (a cheap guard against abusive documents).
 * graphql-depth-limit follows fragment spreads without end, so a document whose fragments
 * spread each other in a cycle would overflow the stack (HTTP 500, issue 10): it is left to
 * GraphQL's own NoFragmentCycles rule, which refuses it as the caller's error (400).
 */
export const depthLimitRule = (maxDepth: number): ValidationRule => {
  const rule = depthLimit(maxDepth) as ValidationRule;
  return (context) => (hasFragmentCycle(context.getDocument()) ? {} : rule(context));
};

export function hasFragmentCycle(document: DocumentNode): boolean {
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const spreadsOf = (set: SelectionSetNode): string[] =>
    set.selections.flatMap((s) => (s.kind === Kind.FRAGMENT_SPREAD ? [s.name.value] : s.selectionSet ? spreadsOf(s.selectionSet) : []));
  const cyclic = (name: string): boolean => {
    if (visiting.has(name)) return true;
    if (done.has(name)) return false;
    const fragment = fragments.get(name);
    if (!fragment) return false;
    visiting.add(name);
    const found = spreadsOf(fragment.selectionSet).some(cyclic);
    visiting.delete(name);
    done.add(name);
    return found;
  };
  return [...fragments.keys()].some(cyclic);
}

/** A client error: HTTP 400, never 500, so programs that retry on 5xx do not loop. */
const badRequest = (message: string, extensions: Record<string, unknown> = {}) =>
  new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 }, ...extensions } });

/** A list costs what a page of it costs: its fields once per row asked for (issue 10). */
const pageEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  const rows = typeof args.perPage === 'number' ? args.perPage : typeof args.limit === 'number' ? args.limit : undefined;
  // Pages hold at most 200 rows; a larger page is refused by the arguments' own check, naming the field.
  return rows === undefined ? undefined : 1 + Math.max(1, childComplexity) * Math.min(Math.max(rows, 1), 200);
};

/**
 * Refuses operations that ask for too much: more root fields (aliases included) than
 * `maxRootFields`, or an estimated cost above `max` (one per field, a page's rows for lists).
 * Variables that do not coerce are the caller's error, answered 400 with the field's path.
 */
export function complexityLimitPlugin(max: number, maxRootFields = 20): ApolloServerPlugin {
  return {
    async requestDidStart({ schema }) {
      return {
        async didResolveOperation({ request, document, operation }) {
          if (!operation) return;
          const roots = countRootFields(operation, document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION));
          if (roots > maxRootFields) throw badRequest(`The request asks for ${roots} root fields; at most ${maxRootFields} are allowed in one request.`);
          let complexity: number;
          try {
            complexity = getComplexity({
              schema,
              operationName: request.operationName,
              query: document,
              variables: request.variables,
              estimators: [fieldExtensionsEstimator(), pageEstimator, simpleEstimator({ defaultComplexity: 1 })],
            });
          } catch (error) {
            // The complexity check coerces the variables itself: a bad one is the caller's error (400),
            // with the reason the scalar gave, which the one error formatter turns into code, reason and field.
            const original = error instanceof GraphQLError ? error : undefined;
            throw new GraphQLError((error as Error).message, {
              originalError: original?.originalError ?? undefined,
              extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
            });
          }
          if (complexity > max) throw badRequest(`The query is too complex (${complexity}; at most ${max} is allowed). Ask for fewer fields or smaller pages.`);
        },
      };
    },
  };
}

function countRootFields(operation: OperationDefinitionNode, fragments: FragmentDefinitionNode[], seen = new Set<string>()): number {
  const count = (set: SelectionSetNode): number =>
    set.selections.reduce((total, selection) => {
      if (selection.kind === Kind.FIELD) return total + 1;
      if (selection.kind === Kind.INLINE_FRAGMENT) return total + count(selection.selectionSet);
      const name = selection.name.value;
      if (seen.has(name)) return total;
      seen.add(name);
      const fragment = fragments.find((f) => f.name.value === name);
      return total + (fragment ? count(fragment.selectionSet) : 0);
    }, 0);
  return count(operation.selectionSet);
}
