// Placeholder, replaced at merge: version 6 is reserved for the `review` branch. It exists only so
// the `export` branch (migration 7) runs on its own; the lead drops this file and its list entry
// when merging the real 006.
import type { Database } from '../types';

export function migration006ReservedReview(_db: Database): void {}
