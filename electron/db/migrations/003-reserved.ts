// Version 3 is reserved for the `safety` branch (append-only guards). This no-op only keeps the
// list contiguous on the `interview` branch until that branch is merged; at the merge its real
// migration 3 replaces this file (it must never ship alongside it).
import type { Database } from '../types';

export function migration003Reserved(_db: Database): void {}
