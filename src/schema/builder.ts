import SchemaBuilder from '@pothos/core';
import type { Deps } from '../deps.js';
import type { Scope } from '../domain/records.js';

export interface Context {
  /** Undefined when the request carried no token (only introspection is then allowed). */
  caller: Scope | undefined;
  deps: Deps;
}

export const builder = new SchemaBuilder<{
  Context: Context;
  DefaultFieldNullability: false;
  DefaultInputFieldRequiredness: false;
  Scalars: {
    ID: { Input: string; Output: string };
    DateTime: { Input: number; Output: number | Date };
    JSON: { Input: unknown; Output: unknown };
  };
}>({ defaultFieldNullability: false });
