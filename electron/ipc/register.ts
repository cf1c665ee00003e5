// Registers one IPC handler per contract operation on an ipcMain-like object, each passing the
// sender frame's URL and the window's Session to the guard. No 'electron' import: tests pass a fake.
import { contractError, OPERATION_NAMES, type Result } from '../../shared/contract';
import type { Guard } from './guard';
import type { Session } from './types';

/** The slice of Electron's IpcMainInvokeEvent the registration reads. */
export interface InvokeEventLike {
  sender: unknown;
  senderFrame?: { url?: string } | null;
}

export type InvokeListener = (event: InvokeEventLike, payload: unknown) => Promise<Result<unknown>>;

export interface IpcMainLike {
  handle(channel: string, listener: InvokeListener): void;
}

export interface RegisterOptions {
  guard: Guard;
  /** The Session of the window that sent the call; null for a sender that is not our window. */
  sessionFor: (sender: unknown) => Session | null;
}

// Channels registered per ipcMain, so a second registration fails loudly here rather than
// depending on Electron's own check (and so the fake in tests behaves like the real thing).
const registered = new WeakMap<IpcMainLike, Set<string>>();

export function registerHandle(ipcMain: IpcMainLike, channel: string, listener: InvokeListener): void {
  let channels = registered.get(ipcMain);
  if (!channels) {
    channels = new Set();
    registered.set(ipcMain, channels);
  }
  if (channels.has(channel)) throw new Error(`IPC channel registered twice: ${channel}`);
  channels.add(channel);
  ipcMain.handle(channel, listener);
}

export function registerOperations(ipcMain: IpcMainLike, options: RegisterOptions): string[] {
  const { guard, sessionFor } = options;
  for (const operation of OPERATION_NAMES) {
    registerHandle(ipcMain, operation, async (event, payload) => {
      // A missing frame (destroyed, or a call we cannot attribute) is denied, never trusted.
      const senderUrl = event.senderFrame?.url;
      const session = sessionFor(event.sender);
      if (typeof senderUrl !== 'string' || session === null) {
        return { ok: false, error: contractError('foreign_sender') };
      }
      return guard(operation, payload, { senderUrl, session });
    });
  }
  return [...OPERATION_NAMES];
}
