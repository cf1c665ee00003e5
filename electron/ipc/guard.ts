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
} from '../../shared/contract';
import type { CallContext, Handlers } from './types';

export interface GuardOptions {
  handlers: Handlers;
  /** True when the caller is the app's own page (app:// origin, or the preview host's token). */
  isTrustedSender: (senderUrl: string) => boolean;
  /** Where unexpected failures are reported (never sent to the caller). */
  onInternalError?: (operation: string, error: unknown) => void;
}

export interface GuardCall extends CallContext {
  senderUrl: string;
}

export type Guard = (operation: string, payload: unknown, call: GuardCall) => Promise<Result<unknown>>;

const MAX_REPORTED_ISSUES = 20;

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
  const { handlers, isTrustedSender, onInternalError } = options;

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
        path: issue.path.map(String).join('.') || '(request)',
        problem: issue.message,
      }));
      return fail(contractError('invalid_request', issues));
    }
    const denied = accessError(def.access, call);
    if (denied) return fail(denied);

    try {
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
      if (error instanceof ServiceError) return fail(contractError(error.code));
      onInternalError?.(operation, error);
      return fail(contractError('internal'));
    }
  };
}

function fail(error: ContractError): Result<never> {
  return { ok: false, error };
}
