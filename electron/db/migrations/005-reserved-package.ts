// Placeholder, replaced at merge: version 5 is reserved for the `package` branch (survey signers,
// package installs, quotas). It exists only so the `export` branch (migration 7) runs on its own;
// the lead drops this file and its list entry when merging the real 005.
import type { Database } from '../types';

export function migration005ReservedPackage(_db: Database): void {}
