// One handler per contract operation, mapping a validated request and the call's session onto
// the services. The guard has already checked the schema and the role; ownership is checked here.
import { ServiceError } from '../../shared/contract/errors';
import type { User } from '../../shared/contract/schemas';
import type { CallContext, Handlers } from '../ipc/types';
import { deviceLabelOf, type RecipientSource } from './batches';
import type { Services } from './index';

function actor(ctx: CallContext): User {
  const user = ctx.session.user;
  if (!user) throw new ServiceError('not_signed_in');
  return user;
}

export interface HandlerPorts {
  version: string;
  deviceId: string;
  /** The folder a batch export goes to: null when the person cancelled the dialog. */
  chooseExportFolder: () => Promise<string | null>;
  recipientFor: RecipientSource;
  /** This laptop's signing-key fingerprint (null before the key exists). */
  deviceFingerprint: () => Promise<string | null>;
}

export function createHandlers(services: Services, app: HandlerPorts): Handlers {
  return {
    'app:status': async (_req, ctx) => ({
      version: app.version,
      deviceId: app.deviceId,
      deviceLabel: deviceLabelOf(app.deviceId),
      deviceFingerprint: await app.deviceFingerprint(),
      needsSetup: services.users.needsSetup(),
      user: ctx.session.user,
    }),
    'setup:createFirstSupervisor': async (req, ctx) => {
      const user = await services.users.createFirstSupervisor(req);
      ctx.session.user = user;
      return user;
    },
    'session:signIn': async (req, ctx) => {
      // Whoever was signed in is signed out first: a failed attempt must not leave their session
      // usable by the person now at the keyboard.
      ctx.session.user = null;
      const user = await services.users.signIn(req);
      ctx.session.user = user;
      return user;
    },
    'session:signOut': (_req, ctx) => {
      services.users.signOut(ctx.session.user);
      ctx.session.user = null;
      return { signedOut: true as const };
    },
    'user:create': (req, ctx) => services.users.createUser(actor(ctx), req),
    'user:list': () => services.users.list(),
    'user:unlock': (req, ctx) => services.users.unlock(actor(ctx), req.userId),
    'user:setActive': (req, ctx) => services.users.setActive(actor(ctx), req.userId, req.active),
    'user:resetSecret': (req, ctx) => services.users.resetSecret(actor(ctx), req.userId, req.secret),
    'survey:list': () => services.surveys.list(),
    'survey:units': (req) => services.surveys.units(req.surveyId),
    'survey:quotas': (req) => services.packages.quotas(req.surveyId),
    'package:install': (req, ctx) => services.packages.installSurveyPackage(Buffer.from(req.packageBase64, 'base64'), actor(ctx)),
    'form:get': (req) => services.surveys.form(req.hash),
    'interview:start': (req, ctx) => services.interviews.start(actor(ctx), req),
    // A core exists only when its database opened: nothing to recover, and restoring over a
    // working database is never allowed (see services/recovery.ts for the other case).
    'recovery:status': () => ({ needed: false, reason: null, backups: [] }),
    'recovery:restore': () => {
      throw new ServiceError('recovery_not_needed');
    },
    'interview:saveAnswer': (req, ctx) => services.interviews.saveAnswer(actor(ctx), req),
    'interview:recordEvents': (req, ctx) => services.interviews.recordEvents(actor(ctx), req),
    'interview:complete': (req, ctx) => services.interviews.complete(actor(ctx), req.interviewId),
    'interview:close': (req, ctx) => services.interviews.close(actor(ctx), req),
    'interview:reopen': (req, ctx) => services.interviews.reopen(actor(ctx), req.interviewId),
    'interview:load': (req, ctx) => services.interviews.load(actor(ctx), req.interviewId),
    'interview:list': (req, ctx) => services.interviews.list(actor(ctx), req),
    'batch:export': async (_req, ctx) => {
      const user = actor(ctx);
      const folder = await app.chooseExportFolder();
      if (folder === null) return { cancelled: true, folder: null, batches: [] };
      const batches = await services.batches.export(user, { outDir: folder, recipientFor: app.recipientFor });
      return {
        cancelled: false,
        folder,
        batches: batches.map((b) => ({
          sequence: b.sequence,
          batchId: b.batchId,
          surveyId: b.surveyId,
          fileName: b.fileName,
          fileSha256: b.fileSha256,
          size: b.size,
          interviews: b.interviews.length,
        })),
      };
    },
    'review:list': (req, ctx) => services.review.list(actor(ctx), req),
    'review:get': (req, ctx) => services.review.get(actor(ctx), req.interviewId),
    'interview:approve': (req, ctx) => services.review.approve(actor(ctx), req.interviewId),
    'interview:reject': (req, ctx) => services.review.reject(actor(ctx), req.interviewId, req.comment),
    // The analyst's face (services/analysis.ts); the guard lets analysts only.
    'analysis:keys': () => services.analysis.keys(),
    'analysis:chooseKeys': (_req, ctx) => services.analysis.chooseKeys(actor(ctx)),
    'analysis:import': (req, ctx) => services.analysis.startImport(actor(ctx), req),
    'analysis:importStatus': (req) => services.analysis.importStatus(req.jobId),
    'analysis:conflicts': () => services.analysis.conflicts(),
    'analysis:resolveConflict': (req, ctx) => services.analysis.resolveConflict(actor(ctx), req),
    'analysis:dashboard': (req) => services.analysis.dashboard(req),
    // `filters` is typed in the contract; the lead connects it to buildReport's filters at merge.
    'analysis:report': (req) => services.analysis.report(req),
    'analysis:reportPdf': (req, ctx) => services.analysis.reportPdf(actor(ctx), req),
    'analysis:export': (req, ctx) => services.analysis.exportData(actor(ctx), req),
  };
}
