// The progress store in PostgreSQL: being written (see issue 10, section 3).
import { UserError } from '../errors.js';
import type { ProgressStore } from './progress-store.js';

export class PostgresStore {
  static async open(location: string): Promise<ProgressStore> {
    throw new UserError(`PostgreSQL stores (${location.replace(/:[^@/]*@/, '@')}) are not available in this build yet.`);
  }
}
