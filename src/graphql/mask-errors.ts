import { GraphQLError } from 'graphql';
import { maskError } from 'graphql-yoga';
import { DomainError } from '../errors.js';
import type { Logger } from '../log.js';

/**
 * Maps domain errors to GraphQL errors with `extensions.code`; anything unexpected is masked for the
 * client and logged here, so that an operator can find the cause.
 */
export function errorMasker(log: Logger) {
  return (error: unknown, message: string, isDev?: boolean): Error => {
    const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    if (original instanceof DomainError) {
      const located = error instanceof GraphQLError ? error : undefined;
      return new GraphQLError(original.message, {
        nodes: located?.nodes,
        path: located?.path,
        // yoga turns extensions.http into the response status (and strips it from the body).
        extensions: { ...original.details, code: original.code, ...(original.code === 'UNAUTHENTICATED' ? { http: { status: 401 } } : {}) },
      });
    }
    const masked = maskError(error, message, isDev);
    if (masked.message === message) {
      const path = error instanceof GraphQLError && error.path ? error.path.join('.') : undefined;
      log.error('unexpected error in a GraphQL operation', { path, err: original instanceof Error ? original : new Error(String(original)) });
    }
    return masked;
  };
}
