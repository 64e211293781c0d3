import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { GUARDS_METADATA } from '@nestjs/common/constants.js';
import { DiscoveryService, ModuleRef } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { FIELD_RESOLVER_MIDDLEWARE_METADATA, RESOLVER_NAME_METADATA } from '@nestjs/graphql/dist/graphql.constants.js';
import { isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { LOADED_FIELD, type RequestContext } from '@rapport/core';
import { AuthService } from './auth.service.js';
import { authorize } from './auth.guard.js';

type LoadedFieldMethod = (parent: unknown, member: unknown, loaders: unknown) => unknown;

/** The resolvers LoadedFields put in the schema carry their operation here (the tests find them by it). */
export const LOADED_FIELD_OPERATION = Symbol('loadedFieldOperation');

/**
 * Puts a direct call to each `@LoadedField` method in the schema, in place of the resolver
 * Nest built for it (see `LoadedField` for why). The call checks the permission as
 * the guard does (`authorize`), then passes the parent, the member and the request's
 * loaders, as Nest's parameter decorators would. What the direct call would leave out
 * (field middleware, a guard of its own) stops the start instead, as does a method it
 * cannot place in the schema.
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
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as object | undefined;
      if (instance && wrapper.metatype) this.install(host.schema, instance, wrapper.metatype as object);
    }
  }

  private install(schema: GraphQLSchema, instance: object, resolverClass: object) {
    for (const [key, method] of loadedFieldMethods(instance)) {
      const where = `@LoadedField ${(resolverClass as { name?: string }).name}.${key}`;
      const typeName = Reflect.getMetadata(RESOLVER_NAME_METADATA, resolverClass) as string | undefined;
      const type = typeName ? schema.getType(typeName) : undefined;
      if (!isObjectType(type)) throw new Error(`${where}: its resolver is not for an object type of the schema`);
      const fieldName = (Reflect.getMetadata(RESOLVER_NAME_METADATA, method) as string | undefined) ?? key;
      const field = type.getFields()[fieldName];
      if (!field) throw new Error(`${where}: ${typeName}.${fieldName} is not in the schema`);
      const middleware = Reflect.getMetadata(FIELD_RESOLVER_MIDDLEWARE_METADATA, method) as unknown[] | undefined;
      if (middleware?.length || Reflect.getMetadata(GUARDS_METADATA, method) || Reflect.getMetadata(GUARDS_METADATA, resolverClass)) {
        throw new Error(`${where}: has field middleware or a guard of its own, which the direct call would skip (use @ResolveField)`);
      }
      field.resolve = this.resolver(instance, method, `${typeName}.${fieldName}`);
    }
  }

  private resolver(instance: object, method: LoadedFieldMethod, operation: string): GraphQLFieldResolver<unknown, RequestContext> {
    const resolve: GraphQLFieldResolver<unknown, RequestContext> = (parent, _args, { req, loaders }) => {
      const allowed = authorize(this.auth, req, operation);
      if (allowed === true) return method.call(instance, parent, req.member, loaders);
      return allowed.then(() => method.call(instance, parent, req.member, loaders));
    };
    return Object.assign(resolve, { [LOADED_FIELD_OPERATION]: operation });
  }
}

/** The instance's `@LoadedField` methods, its class's and those it inherits (a method overridden counts as the override). */
function loadedFieldMethods(instance: object): [string, LoadedFieldMethod][] {
  const seen = new Set<string>();
  const found: [string, LoadedFieldMethod][] = [];
  for (
    let proto = Object.getPrototypeOf(instance) as object | null;
    proto && proto !== Object.prototype;
    proto = Object.getPrototypeOf(proto) as object | null
  ) {
    for (const key of Object.getOwnPropertyNames(proto)) {
      if (seen.has(key)) continue;
      seen.add(key);
      const method: unknown = Object.getOwnPropertyDescriptor(proto, key)?.value; // not through getters
      if (typeof method === 'function' && Reflect.getMetadata(LOADED_FIELD, method)) found.push([key, method as LoadedFieldMethod]);
    }
  }
  return found;
}
