// The composition root of the Node core: opens the database and wires repositories, services and
// contract handlers. The Electron main process, the preview host and the CLI all start here.
import { scheduleBackups } from '../db/backup';
import { asStorageError, isDamageError } from '../db/errors';
import { openDatabase } from '../db/open';
import { ServiceError } from '../../shared/contract/errors';
import { createRepositories } from '../db/repositories';
import type { Database } from '../db/types';
import type { ServiceContext } from './context';
import { createCheckpointer } from './checkpoint';
import { ensureDeviceId } from './device';
import type { CallContext, Handlers } from '../ipc/types';
import type { User } from '../../shared/contract/schemas';
import { createHandlers } from './handlers';
import type { BuiltinBundle } from '../instruments/builtin';
import { createFormCatalog, hashUnhashedForms, installFormVersion } from './forms';
import { createInterviewService } from './interviews';
import { createBatchService, type BatchExportPorts, type BatchService, type RecipientSource } from './batches';
import { createReviewService } from './review';
import { createPackageService } from './packages';
import { DEFAULT_SCRYPT_PARAMS, scryptHasher, type ScryptParams, type SecretHasher } from './secrets';
import { createSurveyService } from './surveys';
import { createUserService } from './users';
import { ANALYST_DB_ENV, ANALYST_KEYS_FILE, ANALYST_STORE_FILE, createAnalysisService, type AnalysisService, type AnalystPorts } from './analysis';
import { dirname, join } from 'node:path';

export interface CoreOptions {
  dbPath: string;
  /** better-sqlite3 binary built for Electron's ABI; plain Node uses the default. */
  nativeBinding?: string;
  clock?: () => Date;
  appVersion?: string;
  /** Tests may lower the scrypt cost; production keeps the default. */
  scryptParams?: ScryptParams;
  /** Tests may wrap scrypt to count derivations; production uses node:crypto's scrypt. */
  hasher?: SecretHasher;
  /**
   * Periodic online backups (SQLite backup API) into a second folder while the app runs, so a
   * laptop whose disk file is lost or damaged still has a recent copy. Off unless given.
   */
  backups?: { dir: string; intervalMs: number; keep?: number; onError?: (err: unknown) => void };
  /**
   * The built-in instruments (read from dist/electron/instruments.json by the faces, compiled from
   * shared/instruments by tests): installed on open when not installed yet.
   */
  builtinInstruments?: BuiltinBundle;
  /**
   * Batch export's ports, filled by each face: this laptop's signing key (main: safeStorage; CLI
   * and preview host: a key file beside the database), the analyst's recipient per survey (the
   * survey package install supplies it; until then the face's configuration), and the folder
   * chooser behind `batch:export` (main: dialog.showOpenDialog; preview host: a configured folder).
   */
  batchExport?: Partial<BatchExportPorts> & { recipientFor?: RecipientSource; chooseFolder?: () => Promise<string | null> };
  /**
   * The fingerprint of this laptop's signing key for `app:status` (the supervisor reads it aloud
   * to the analyst), or null before the key exists. Each face reads its own key file; absent here,
   * status says null.
   */
  deviceFingerprint?: () => Promise<string | null>;
  /**
   * The analyst's face, filled by each face: the analyst store (default `analyst.sqlite` beside
   * the laptop database; a postgres:// URL from configuration for a shared office), where the
   * chosen keys are kept and how they are protected, and the dialogs. Opened on the first analyst
   * call only, so surveyors' laptops never create an analyst store.
   */
  analyst?: Partial<AnalystPorts>;
}

/** The analyst ports with their defaults: dialogs that choose nothing, no key protection. */
export function analystPortsFor(opts: Pick<CoreOptions, 'dbPath' | 'analyst'>, env: NodeJS.ProcessEnv = {}): AnalystPorts {
  const beside = (name: string) => join(dirname(opts.dbPath), name);
  return {
    target: opts.analyst?.target ?? (env[ANALYST_DB_ENV] || beside(ANALYST_STORE_FILE)),
    keysFile: opts.analyst?.keysFile ?? beside(ANALYST_KEYS_FILE),
    keyProtector: opts.analyst?.keyProtector ?? (() => null),
    chooseKeyFolder: opts.analyst?.chooseKeyFolder ?? (async () => null),
    chooseImport: opts.analyst?.chooseImport ?? (async () => null),
    chooseExportFolder: opts.analyst?.chooseExportFolder ?? (async () => null),
    chooseReportFile: opts.analyst?.chooseReportFile ?? (async () => null),
    pdfPrinter: opts.analyst?.pdfPrinter ?? (() => null),
  };
}

export interface Services {
  users: ReturnType<typeof createUserService>;
  surveys: ReturnType<typeof createSurveyService>;
  interviews: ReturnType<typeof createInterviewService>;
  batches: BatchService;
  review: ReturnType<typeof createReviewService>;
  packages: ReturnType<typeof createPackageService>;
  analysis: AnalysisService;
}

export interface Core {
  db: Database;
  deviceId: string;
  /** Every contract operation (the guard validates and checks roles before calling these). */
  handlers: Handlers;
  services: Services;
  /** The signed-in user as the database has them now; faces pass it to the guard. */
  currentUser: (userId: number) => User | null;
  close(): void;
}

export function createCore(opts: CoreOptions): Core {
  const db = openDatabase(opts.dbPath, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
  try {
    const clock = opts.clock ?? (() => new Date());
    const repos = createRepositories(db);
    const deviceId = ensureDeviceId(repos, clock);
    const checkpointer = createCheckpointer(db);
    const ctx: ServiceContext = {
      db,
      repos,
      deviceId,
      clock,
      scryptParams: opts.scryptParams ?? DEFAULT_SCRYPT_PARAMS,
      hasher: opts.hasher ?? scryptHasher,
      afterCommit: () => checkpointer.afterCommit(),
    };
    hashUnhashedForms(db, repos);
    if (opts.builtinInstruments) installBuiltinInstruments(ctx, opts.builtinInstruments);
    const forms = createFormCatalog(repos);
    const interviews = createInterviewService(ctx, forms);
    const services: Services = {
      users: createUserService(ctx),
      surveys: createSurveyService(ctx, forms),
      interviews,
      review: createReviewService(ctx, forms, interviews),
      packages: createPackageService(ctx),
      // The laptop database's better-sqlite3 binding serves the embedded analyst store too.
      analysis: createAnalysisService(analystPortsFor(opts), clock, opts.nativeBinding),
      batches: createBatchService(ctx, {
        ...opts.batchExport,
        deviceKey:
          opts.batchExport?.deviceKey ??
          (async () => {
            throw new ServiceError('key_unavailable', 'no device signing key is configured for this face');
          }),
      }),
    };
    // The core's clock stamps the backups too, so rotation compares them with the database's
    // creation time (the device row) on one time line.
    const stopBackups = opts.backups ? scheduleBackups(db, opts.backups.dir, { now: clock, ...opts.backups }) : () => {};
    const handlers = refuseOnceDamaged(createHandlers(services, {
        version: opts.appVersion ?? '0.0.0-dev',
        deviceId,
        chooseExportFolder: opts.batchExport?.chooseFolder ?? (async () => null),
        recipientFor: opts.batchExport?.recipientFor ?? (() => null),
        deviceFingerprint: rememberFingerprint(opts.deviceFingerprint),
      }), stopBackups);
    let closed = false;
    return {
      db,
      deviceId,
      handlers,
      services,
      currentUser: (userId) => {
        // The guard reads the account on every call; a read-only or failing disk must come back
        // as its own code there too, not as `internal`.
        try {
          return services.users.current(userId);
        } catch (err) {
          throw asStorageError(err);
        }
      },
      close() {
        if (closed) return;
        closed = true;
        stopBackups();
        void services.analysis.close();
        db.close();
      },
    };
  } catch (err) {
    db.close();
    throw err;
  }
}

/**
 * Installs each built-in instrument and its frame unless this exact form is installed already (one
 * transaction, audited when something was installed). A changed instrument is installed beside the
 * older version, which drafts keep using.
 */
export function installBuiltinInstruments(ctx: Pick<ServiceContext, 'db' | 'repos' | 'clock'>, bundle: BuiltinBundle): string[] {
  const at = ctx.clock().toISOString();
  return ctx.db.transaction(() => {
    const installed: string[] = [];
    for (const i of bundle.instruments) {
      const r = installFormVersion(ctx.repos, { surveyId: i.surveyId, title: i.title, definition: i.model, units: i.units, installedAt: at });
      if (!r.installed) continue;
      installed.push(`${i.surveyId}@${r.formVersion}`);
      ctx.repos.audit.append({ at, userId: null, action: 'form_installed', entity: 'form_version', entityId: `${i.surveyId}@${r.formVersion}`, detail: { hash: r.hash, source: 'builtin', units: i.units.length } });
    }
    return installed;
  }).immediate();
}

/**
 * A device key is never replaced, so its fingerprint is read once it exists. Status must answer
 * even when the key cannot be read or made (no keychain, a damaged file): then it says null, and
 * batch export reports the key's own error.
 */
function rememberFingerprint(read: (() => Promise<string | null>) | undefined): () => Promise<string | null> {
  let known: string | null = null;
  return async () => {
    if (known !== null || !read) return known;
    try {
      known = await read();
    } catch {
      known = null;
    }
    return known;
  };
}

/**
 * The integrity check on open cannot see damage that appears later (a failing disk, a file
 * touched by another program). The first SQLite "damaged" error from any operation latches:
 * every later call answers database_damaged without touching the file, and backups stop, so
 * copies of the damaged file never rotate the good ones out. Other storage failures (read-only
 * file or folder, full disk, I/O error) answer their own codes and do not latch: freeing space or
 * replugging the stick makes the next call work.
 */
function refuseOnceDamaged(handlers: Handlers, stopBackups: () => void): Handlers {
  let damage: string | null = null;
  const wrapped: Record<string, (req: unknown, ctx: CallContext) => Promise<unknown>> = {};
  for (const [name, handler] of Object.entries(handlers) as [string, (req: unknown, ctx: CallContext) => unknown][]) {
    wrapped[name] = async (req, ctx) => {
      if (damage !== null) throw new ServiceError('database_damaged', damage);
      try {
        return await handler(req, ctx);
      } catch (err) {
        if (!isDamageError(err)) throw asStorageError(err);
        damage = (err as Error).message;
        stopBackups();
        throw new ServiceError('database_damaged', damage);
      }
    };
  }
  return wrapped as unknown as Handlers;
}

export { installSurvey, type SeedSurvey } from './seed';
export { CONSENT_CODES, CONSENT_QUESTION, OUTCOME_QUESTION } from './interviews';
export { MAX_FAILED_ATTEMPTS, LOCKOUT_MS } from '../../shared/users/lockout';
export type { ScryptParams, SecretHasher } from './secrets';

