// The store's own error, apart from any engine, so a session can recognise it without loading
// the PostgreSQL client.
import { UserError } from '../errors.js';
import { storeMessages as say } from '../messages/store.js';

/** The PostgreSQL server cannot be reached, or went away: the message names it, never its password. */
export class StoreUnavailableError extends UserError {
  override name = 'StoreUnavailableError';
  constructor(
    readonly server: string,
    why: string,
  ) {
    super(say.unavailable(server, why), say.unavailableHint);
  }
}
