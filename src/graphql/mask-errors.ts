import { GraphQLError } from 'graphql';
import { maskError } from 'graphql-yoga';
import { DomainError, RateLimitedError } from '../errors.js';
import type { Logger } from '../log.js';

/** HTTP status and headers yoga answers a domain error with (it strips extensions.http from the body). */
function httpOf(error: DomainError): { status: number; headers?: Record<string, string> } | undefined {
  if (error.code === 'UNAUTHENTICATED') return { status: 401 };
  if (error.code === 'RATE_LIMITED') {
    const wait = error instanceof RateLimitedError ? error.retryAfterSeconds : undefined;
    return { status: 429, ...(wait === undefined ? {} : { headers: { 'Retry-After': String(wait) } }) };
  }
  return undefined;
}

/** A domain error as the GraphQL error clients get: its message, `extensions.code` and details (and the HTTP status yoga answers with). */
export function domainGraphqlError(original: DomainError, located?: GraphQLError): GraphQLError {
  const http = httpOf(original);
  return new GraphQLError(original.message, {
    nodes: located?.nodes,
    path: located?.path,
    extensions: { ...original.details, code: original.code, ...(http ? { http } : {}) },
  });
}

/**
 * Maps domain errors to GraphQL errors with `extensions.code`; anything unexpected is masked for the
 * client and logged here, so that an operator can find the cause.
 */
export function errorMasker(log: Logger) {
  return (error: unknown, message: string, isDev?: boolean): Error => {
    const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    if (original instanceof DomainError) {
      return domainGraphqlError(original, error instanceof GraphQLError ? error : undefined);
    }
    const masked = maskError(error, message, isDev);
    if (masked.message === message) {
      const path = error instanceof GraphQLError && error.path ? error.path.join('.') : undefined;
      log.error('unexpected error in a GraphQL operation', { path, err: original instanceof Error ? original : new Error(String(original)) });
    }
    return masked;
  };
}
