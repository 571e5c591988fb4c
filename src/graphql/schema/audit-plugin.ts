import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import type { GraphQLFieldResolver } from 'graphql';
import { NOT_AUDITED } from '../../domain/audit.js';
import { recordAudit } from '../../use-cases/audit.js';
import type { Context } from '../context.js';

// The audit log, declared once for the whole schema: every Mutation field (but the high-volume
// publishing ones, NOT_AUDITED) records one entry once its resolver has succeeded: the caller's
// credential, the mutation's name, and the IDs of its `input` and of its payload. A resolver that
// throws (bad input, not found, forbidden) changed nothing and leaves no entry.

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      audit: AuditPlugin<Types>;
    }
  }
}

export class AuditPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    if (fieldConfig.parentType !== 'Mutation' || NOT_AUDITED.has(fieldConfig.name)) return resolver;
    const action = fieldConfig.name;
    return async (parent, args, context, info) => {
      const payload = await resolver(parent, args, context, info);
      const { caller, credential, deps } = context as Context;
      if (caller && credential) await recordAudit(deps, { scope: caller, credential }, action, (args as { input?: unknown }).input, payload);
      return payload;
    };
  }
}

SchemaBuilder.registerPlugin('audit', AuditPlugin);
