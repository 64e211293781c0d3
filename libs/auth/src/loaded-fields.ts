import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, ModuleRef } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { RESOLVER_NAME_METADATA } from '@nestjs/graphql/dist/graphql.constants.js';
import { isObjectType, type GraphQLFieldResolver } from 'graphql';
import { LOADED_FIELD, type RequestContext } from '@rapport/core';
import { AuthService } from './auth.service.js';
import { authorize } from './auth.guard.js';

type LoadedFieldMethod = (parent: unknown, member: unknown, loaders: unknown) => unknown;

/**
 * Puts a direct call to each `@LoadedField` method in the schema, in place of the resolver
 * Nest built for it (see `LoadedField` for why). The call checks the permission as
 * the guard does (`authorize`), then passes the parent, the member and the request's
 * loaders, as Nest's parameter decorators would.
 */
@Injectable()
export class LoadedFields implements OnApplicationBootstrap {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly moduleRef: ModuleRef,
    private readonly auth: AuthService,
  ) {}

  onApplicationBootstrap() {
    let host: GraphQLSchemaHost;
    try {
      host = this.moduleRef.get(GraphQLSchemaHost, { strict: false });
    } catch {
      return; // the worker imports this module without serving GraphQL
    }
    const schema = host.schema;
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      const typeName = wrapper.metatype && (Reflect.getMetadata(RESOLVER_NAME_METADATA, wrapper.metatype) as string | undefined);
      if (!instance || !typeName) continue;
      const type = schema.getType(typeName);
      if (!isObjectType(type)) continue;
      const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
      for (const key of Object.getOwnPropertyNames(prototype)) {
        const method = prototype[key];
        if (typeof method !== 'function' || !Reflect.getMetadata(LOADED_FIELD, method)) continue;
        const fieldName = (Reflect.getMetadata(RESOLVER_NAME_METADATA, method) as string | undefined) ?? key;
        const field = type.getFields()[fieldName];
        if (!field) throw new Error(`@LoadedField ${typeName}.${fieldName} is not in the schema`);
        field.resolve = this.resolver(instance, method as LoadedFieldMethod, `${typeName}.${fieldName}`);
      }
    }
  }

  private resolver(instance: unknown, method: LoadedFieldMethod, operation: string): GraphQLFieldResolver<unknown, RequestContext> {
    return (parent, _args, { req, loaders }) => {
      const allowed = authorize(this.auth, req, operation);
      if (allowed === true) return method.call(instance, parent, req.member, loaders);
      return allowed.then(() => method.call(instance, parent, req.member, loaders));
    };
  }
}
