// What a handler sees: the validated request and the call context of the face it came through.
import type { OperationName, RequestOf, ResponseOf, User } from '../../shared/contract';

/**
 * Who is signed in on one face connection (the Electron window, one preview-host token, one
 * CLI run). Sign-in and sign-out handlers set `user`; the guard reads it to enforce roles.
 */
export interface Session {
  user: User | null;
}

export interface CallContext {
  session: Session;
}

export type Handler<N extends OperationName> = (
  request: RequestOf<N>,
  ctx: CallContext,
) => ResponseOf<N> | Promise<ResponseOf<N>>;

/** One handler per contract operation; a missing or extra one is a compile error. */
export type Handlers = { [N in OperationName]: Handler<N> };
