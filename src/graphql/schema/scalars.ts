import { GraphQLError } from 'graphql';
import { JSONResolver } from 'graphql-scalars';
import { builder } from './builder.js';

// JSON from graphql-scalars: accepts inline literals with variables nested inside them.
builder.addScalarType('JSON', JSONResolver);

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

function parseDateTime(value: unknown): number {
  if (typeof value !== 'string' || !ISO_DATE_TIME.test(value) || Number.isNaN(Date.parse(value))) {
    throw new GraphQLError(`DateTime must be an ISO-8601 date and time with a zone, e.g. "2026-01-31T12:00:00Z" (got ${JSON.stringify(value)})`);
  }
  return Date.parse(value);
}

builder.scalarType('DateTime', {
  description: 'A point in time, as an ISO-8601 string with milliseconds in UTC (e.g. "2026-01-31T12:00:00.000Z").',
  serialize: (value) => new Date(value as number | Date).toISOString(),
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === 'StringValue' ? ast.value : undefined),
});
