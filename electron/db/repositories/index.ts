// All repositories over one connection; statements are prepared once here and reused.
import type { Database } from '../types';
import { createAnswersRepo } from './answers';
import { createAuditRepo } from './audit';
import { createBatchesRepo } from './batches';
import { createDeviceRepo } from './device';
import { createInterviewsRepo } from './interviews';
import { createPackagesRepo } from './packages';
import { createParadataRepo } from './paradata';
import { createReviewRepo } from './review';
import { createSurveysRepo } from './surveys';
import { createUsersRepo } from './users';

export function createRepositories(db: Database) {
  return {
    device: createDeviceRepo(db),
    users: createUsersRepo(db),
    surveys: createSurveysRepo(db),
    interviews: createInterviewsRepo(db),
    answers: createAnswersRepo(db),
    paradata: createParadataRepo(db),
    audit: createAuditRepo(db),
    batches: createBatchesRepo(db),
    review: createReviewRepo(db),
    packages: createPackagesRepo(db),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
