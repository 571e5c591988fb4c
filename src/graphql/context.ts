import type { Credential } from '../auth/authenticator.js';
import type { Scope } from '../domain/records.js';
import type { Deps } from '../deps.js';

/** What every resolver gets: who is calling and what the use-cases need. */
export interface Context {
  /** Undefined when the request carried no token (only introspection is then allowed). */
  caller: Scope | undefined;
  /** The credential the request was made with (undefined exactly when `caller` is). */
  credential?: Credential;
  deps: Deps;
  /** The origin (scheme://host) the request was addressed to, for links the API hands out. */
  origin?: string;
}
