// Opening the archive a location names. Today every location is a SQLite file; a server
// database (postgres://...) would be chosen here, behind the same Store interface.

import { openSqliteStore, type OpenOptions } from './sqlite.js';
import type { Store } from './store.js';

export { DEFAULT_DB, NoArchiveError } from './sqlite.js';
export { SchemaTooNewError } from './migrations.js';

export function openStore(location: string, options: OpenOptions = {}): Store {
  return openSqliteStore(location, options);
}
