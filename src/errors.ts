// Domain errors: thrown by the store, services and worker; the GraphQL layer maps `code` to
// `extensions.code`. No GraphQL import here so the domain stays usable from the CLI and workers.

export type ErrorCode = 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'RATE_LIMITED' | 'SERVICE_UNAVAILABLE';

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Extra machine-readable detail, e.g. the input field at fault or JSON Schema errors. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class BadInputError extends DomainError {
  constructor(field: string, message: string, details: Record<string, unknown> = {}) {
    super('BAD_USER_INPUT', `${field}: ${message}`, { field, ...details });
  }
}

export class NotFoundError extends DomainError {
  constructor(kind: string, id: string) {
    super('NOT_FOUND', `${kind} ${JSON.stringify(id)} was not found`, { id });
  }
}

export class ConflictError extends DomainError {
  constructor(message: string) {
    super('CONFLICT', message);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'A valid token is required: send "Authorization: Bearer <token>"') {
    super('UNAUTHENTICATED', message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message: string) {
    super('FORBIDDEN', message);
  }
}

/** The store cannot be reached; nothing was changed by the failed call. Clients may retry. */
export class StoreUnavailableError extends DomainError {
  constructor(cause: string) {
    super('SERVICE_UNAVAILABLE', `The store is unavailable, try again shortly (${cause})`);
  }
}

/**
 * Over an abuse limit (requests a second, live subscriptions, connections); nothing was done.
 * `retryAfterSeconds` (whole seconds) is set when waiting is what helps: HTTP answers carry it as Retry-After.
 */
export class RateLimitedError extends DomainError {
  constructor(message: string, readonly retryAfterSeconds?: number) {
    super('RATE_LIMITED', message, retryAfterSeconds === undefined ? {} : { retryAfterSeconds });
  }
}
