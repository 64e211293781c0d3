import { Parent, ResolveField, type ResolveFieldOptions, type ReturnTypeFunc } from '@nestjs/graphql';
import { CurrentMember, RequestLoaders } from './current-member.decorator.js';

/** Metadata key marking a `@LoadedField()` method. */
export const LOADED_FIELD = 'rapport:loaded-field';

/**
 * A resolved field written as `(parent, member, loaders)`: most of our fields, which read
 * their value through the request's DataLoaders. It is a `@ResolveField` with those three
 * parameters, and at start `LoadedFields` (in `@rapport/auth`) puts a direct call to the
 * method in the schema, after the same permission check as the guard. Nest's per-call
 * machinery (execution context, guards, parameter factories, exception zone) cost about
 * 10 µs a call: a page of 100 conversations with contact, organiser and issues makes 400
 * such calls, which took longer than the loaders' SQL (measured in `npm run bench`).
 */
export function LoadedField(
  nameOrType: string | ReturnTypeFunc,
  typeOrOptions?: ReturnTypeFunc | ResolveFieldOptions,
  options?: ResolveFieldOptions,
): MethodDecorator {
  return (target, key, descriptor) => {
    // The same argument forms as ResolveField: (type, options?) or (name, type, options?).
    if (typeof nameOrType === 'string') ResolveField(nameOrType, typeOrOptions as ReturnTypeFunc, options)(target, key, descriptor);
    else ResolveField(nameOrType, typeOrOptions as ResolveFieldOptions | undefined)(target, key, descriptor);
    Parent()(target, key, 0);
    CurrentMember()(target, key, 1);
    RequestLoaders()(target, key, 2);
    Reflect.defineMetadata(LOADED_FIELD, true, descriptor.value as object);
  };
}
