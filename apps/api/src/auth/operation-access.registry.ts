import { Injectable, OnModuleInit, Type } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { INTEGRATION_KEY, PUBLIC_KEY, ROLES_KEY } from './access.decorators';
import { Role } from './role';

// @nestjs/graphql's own metadata keys for resolver methods (graphql.constants).
const RESOLVER_TYPE_METADATA = 'graphql:resolver_type';
const RESOLVER_NAME_METADATA = 'graphql:resolver_name';

export type OperationAccess = { kind: 'public' } | { kind: 'integration' } | { kind: 'roles'; roles: Role[] } | { kind: 'undeclared' };

/**
 * Who may run each query and mutation, read from the decorators next to them. The access
 * matrix test walks this against the schema; an undeclared operation fails that test and is
 * refused at run time.
 */
@Injectable()
export class OperationAccessRegistry implements OnModuleInit {
  private readonly access = new Map<string, OperationAccess>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as object | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const prototype = Object.getPrototypeOf(instance);
      for (const methodName of this.scanner.getAllMethodNames(prototype)) {
        const method = prototype[methodName];
        const rootType = Reflect.getMetadata(RESOLVER_TYPE_METADATA, method) as string | undefined;
        if (rootType !== 'Query' && rootType !== 'Mutation') continue;
        const name = (Reflect.getMetadata(RESOLVER_NAME_METADATA, method) as string | undefined) ?? methodName;
        this.access.set(`${rootType}.${name}`, this.declared(method, instance.constructor as Type<unknown>));
      }
    }
  }

  /** Declaration for a root field, e.g. ('Mutation', 'createStaffMember'). */
  accessFor(rootType: string, name: string): OperationAccess {
    return this.access.get(`${rootType}.${name}`) ?? { kind: 'undeclared' };
  }

  all(): ReadonlyMap<string, OperationAccess> {
    return this.access;
  }

  private declared(method: () => unknown, resolverClass: Type<unknown>): OperationAccess {
    if (this.reflector.getAllAndOverride<boolean, string>(PUBLIC_KEY, [method, resolverClass])) return { kind: 'public' };
    if (this.reflector.getAllAndOverride<boolean, string>(INTEGRATION_KEY, [method, resolverClass])) return { kind: 'integration' };
    const roles = this.reflector.getAllAndOverride<Role[] | undefined, string>(ROLES_KEY, [method, resolverClass]);
    return roles?.length ? { kind: 'roles', roles } : { kind: 'undeclared' };
  }
}
