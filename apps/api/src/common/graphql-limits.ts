import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import depthLimit from 'graphql-depth-limit';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

/** Refuses queries nested deeper than `maxDepth` (a cheap guard against abusive documents). */
export const depthLimitRule = (maxDepth: number) => depthLimit(maxDepth);

/** Refuses operations whose estimated cost (one per field unless a field says otherwise) exceeds `max`. */
export function complexityLimitPlugin(max: number): ApolloServerPlugin {
  return {
    async requestDidStart({ schema }) {
      return {
        async didResolveOperation({ request, document }) {
          const complexity = getComplexity({
            schema,
            operationName: request.operationName,
            query: document,
            variables: request.variables,
            estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
          });
          if (complexity > max) {
            throw new GraphQLError(`The query is too complex (${complexity}; at most ${max} is allowed). Ask for fewer fields.`, {
              extensions: { code: 'BAD_USER_INPUT' },
            });
          }
        },
      };
    },
  };
}
