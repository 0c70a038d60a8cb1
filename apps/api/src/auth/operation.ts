import { ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { AuthenticatedRequest } from './principal';

export interface GraphQLOperation {
  /** 'Query' or 'Mutation' (field resolvers of other types are not operations). */
  rootType: string;
  name: string;
  args: Record<string, unknown>;
  req: AuthenticatedRequest;
}

/** The root field being run, or undefined when the context is not a GraphQL root operation. */
export function graphQLOperationOf(context: ExecutionContext): GraphQLOperation | undefined {
  if (context.getType<string>() !== 'graphql') return undefined;
  const gql = GqlExecutionContext.create(context);
  const info = gql.getInfo();
  return {
    rootType: info.parentType.name,
    name: info.fieldName,
    args: gql.getArgs(),
    req: gql.getContext<{ req: AuthenticatedRequest }>().req,
  };
}

export function requestIdOf(req: AuthenticatedRequest): string | null {
  return req.id === undefined ? null : String(req.id);
}
