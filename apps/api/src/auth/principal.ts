import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Request } from 'express';
import { Role } from './role';

/** The signed-in member of staff behind a request. */
export interface StaffPrincipal {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  sessionId: string;
}

/** A client's accounting program, signed in with an integration key. */
export interface ClientKeyPrincipal {
  clientId: string;
  keyId: string;
}

export type AuthenticatedRequest = Request & { staff?: StaffPrincipal; clientKey?: ClientKeyPrincipal; id?: string | number };

export function requestOf(context: ExecutionContext): AuthenticatedRequest {
  return context.getType<string>() === 'graphql'
    ? GqlExecutionContext.create(context).getContext<{ req: AuthenticatedRequest }>().req
    : context.switchToHttp().getRequest<AuthenticatedRequest>();
}

/** Injects the signed-in staff member into a resolver method. */
export const CurrentStaff = createParamDecorator((_data: unknown, context: ExecutionContext): StaffPrincipal => {
  const staff = requestOf(context).staff;
  if (!staff) throw new Error('CurrentStaff used on an operation that does not require sign-in');
  return staff;
});

/** Injects the client whose integration key made the request. */
export const CurrentClientKey = createParamDecorator((_data: unknown, context: ExecutionContext): ClientKeyPrincipal => {
  const key = requestOf(context).clientKey;
  if (!key) throw new Error('CurrentClientKey used on an operation that is not @ForIntegration');
  return key;
});
