// The one gate every face (Electron IPC, preview HTTP, CLI) passes through before a service runs:
// known operation, trusted sender, valid payload, allowed role; errors come back as values.
import {
  contractError,
  operations,
  ServiceError,
  type Access,
  type ContractError,
  type OperationName,
  type Result,
  type User,
} from '../../shared/contract';
import type { CallContext, Handlers } from './types';

export interface GuardOptions {
  handlers: Handlers;
  /** True when the caller is the app's own page (app:// origin, or the preview host's token). */
  isTrustedSender: (senderUrl: string) => boolean;
  /**
   * The user as the database has them now (null when the row is gone). A session remembers who
   * signed in, not what they may do today: the account may since have been deactivated or given
   * another role (another window, the CLI on the same file), so every call re-reads it.
   */
  currentUser: (userId: number) => User | null;
  /** Where unexpected failures are reported (never sent to the caller). */
  onInternalError?: (operation: string, error: unknown) => void;
}

export interface GuardCall extends CallContext {
  senderUrl: string;
}

export type Guard = (operation: string, payload: unknown, call: GuardCall) => Promise<Result<unknown>>;

const MAX_REPORTED_ISSUES = 20;
// zod names every unrecognized key in one message, so a payload with 100,000 extra keys would
// come back as a megabyte of text; the caller needs the start of it, not all of it.
const MAX_ISSUE_TEXT = 200;

function clip(text: string): string {
  return text.length > MAX_ISSUE_TEXT ? `${text.slice(0, MAX_ISSUE_TEXT - 1)}…` : text;
}

export function isOperationName(name: string): name is OperationName {
  return Object.prototype.hasOwnProperty.call(operations, name);
}

/** Checks the signed-in user against an operation's access rule; null when allowed. */
export function accessError(access: Access, call: CallContext): ContractError | null {
  if (access === 'public') return null;
  const user = call.session.user;
  if (!user) return contractError('not_signed_in');
  if (access === 'signed_in') return null;
  return access.includes(user.role) ? null : contractError('forbidden');
}

export function createGuard(options: GuardOptions): Guard {
  const { handlers, isTrustedSender, currentUser, onInternalError } = options;

  return async function guard(operation, payload, call) {
    if (typeof operation !== 'string' || !isOperationName(operation)) {
      return fail(contractError('unknown_operation'));
    }
    if (typeof call.senderUrl !== 'string' || !isTrustedSender(call.senderUrl)) {
      return fail(contractError('foreign_sender'));
    }
    const def = operations[operation];
    const parsed = def.request.safeParse(payload);
    if (!parsed.success) {
      const issues = parsed.error.issues.slice(0, MAX_REPORTED_ISSUES).map((issue) => ({
        path: clip(issue.path.map(String).join('.') || '(request)'),
        problem: clip(issue.message),
      }));
      return fail(contractError('invalid_request', issues));
    }

    try {
      // Inside the try: reading the user touches the database, and a failure there must come
      // back as `internal`, never as a rejected promise whose message crosses the boundary.
      const stale = refreshSession(call.session, currentUser);
      // Public operations (status, sign-in) still run, now for nobody; the rest are refused.
      if (stale && def.access !== 'public') return fail(contractError(stale));
      const denied = accessError(def.access, call);
      if (denied) return fail(denied);

      // The handler map is keyed by the same names; the cast only bridges the union.
      const handler = handlers[operation] as (req: unknown, ctx: CallContext) => unknown;
      const value = await handler(parsed.data, { session: call.session });
      // Responses are checked too: strict schemas keep internal fields (hashes, salts) from
      // ever crossing the boundary, and catch a service drifting from the contract.
      const checked = def.response.safeParse(value);
      if (!checked.success) {
        onInternalError?.(operation, new Error(`response does not match contract: ${checked.error.message}`));
        return fail(contractError('internal'));
      }
      return { ok: true, value: checked.data };
    } catch (error) {
      if (error instanceof ServiceError) {
        const issues = error.issues?.slice(0, MAX_REPORTED_ISSUES).map((i) => ({
          path: clip(i.path),
          problem: clip(i.problem),
          ...(i.problemEn === undefined ? {} : { problemEn: clip(i.problemEn) }),
        }));
        return fail(contractError(error.code, issues));
      }
      onInternalError?.(operation, error);
      return fail(contractError('internal'));
    }
  };
}

/**
 * Replaces the session's user with the current row, or signs the session out when the account is
 * gone or deactivated; returns the error code for that case, null when the session is usable.
 */
function refreshSession(session: CallContext['session'], currentUser: GuardOptions['currentUser']): ContractError['code'] | null {
  const remembered = session.user;
  if (!remembered) return null;
  // The code must match too: a row id reused after a deletion must not hand over someone else's account.
  const found = currentUser(remembered.id);
  const current = found && found.code === remembered.code ? found : null;
  if (current && current.active) {
    session.user = current;
    return null;
  }
  session.user = null;
  return current ? 'user_inactive' : 'not_signed_in';
}

function fail(error: ContractError): Result<never> {
  return { ok: false, error };
}
