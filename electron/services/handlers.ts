// One handler per contract operation, mapping a validated request and the call's session onto
// the services. The guard has already checked the schema and the role; ownership is checked here.
import { ServiceError } from '../../shared/contract/errors';
import type { User } from '../../shared/contract/schemas';
import type { CallContext, Handlers } from '../ipc/types';
import type { Services } from './index';

function actor(ctx: CallContext): User {
  const user = ctx.session.user;
  if (!user) throw new ServiceError('not_signed_in');
  return user;
}

export function createHandlers(services: Services, app: { version: string; deviceId: string }): Handlers {
  return {
    'app:status': (_req, ctx) => ({
      version: app.version,
      deviceId: app.deviceId,
      needsSetup: services.users.needsSetup(),
      user: ctx.session.user,
    }),
    'setup:createFirstSupervisor': async (req, ctx) => {
      const user = await services.users.createFirstSupervisor(req);
      ctx.session.user = user;
      return user;
    },
    'session:signIn': async (req, ctx) => {
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
    'survey:list': () => services.surveys.list(),
    'survey:units': (req) => services.surveys.units(req.surveyId),
    'form:get': (req) => services.surveys.form(req.hash),
    'interview:start': (req, ctx) => services.interviews.start(actor(ctx), req),
    'interview:saveAnswer': (req, ctx) => services.interviews.saveAnswer(actor(ctx), req),
    'interview:recordEvents': (req, ctx) => services.interviews.recordEvents(actor(ctx), req),
    'interview:complete': (req, ctx) => services.interviews.complete(actor(ctx), req.interviewId),
    'interview:close': (req, ctx) => services.interviews.close(actor(ctx), req),
    'interview:reopen': (req, ctx) => services.interviews.reopen(actor(ctx), req.interviewId),
    'interview:load': (req, ctx) => services.interviews.load(actor(ctx), req.interviewId),
    'interview:list': (req, ctx) => services.interviews.list(actor(ctx), req),
  };
}
