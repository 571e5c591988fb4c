import { StoreUnavailableError } from '../errors.js';
import type { Store } from './ports.js';

/**
 * Wraps a store so that an adapter's "cannot reach the database" errors surface as
 * StoreUnavailableError (SERVICE_UNAVAILABLE to API clients) instead of an opaque internal error.
 */
export function reportingUnavailable<S extends Store>(store: S, isUnavailable: (err: unknown) => boolean): S {
  return new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        try {
          return await value.apply(target, args);
        } catch (err) {
          if (isUnavailable(err)) throw new StoreUnavailableError((err as Error).message);
          throw err;
        }
      };
    },
  });
}
