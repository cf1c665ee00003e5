// IPC registration without Electron: one handler per operation, duplicates throw, and each call
// reaches the guard with the sender frame's URL and the window's Session.
import { describe, expect, test, vi } from 'vitest';
import { OPERATION_NAMES, type Result } from '../../../shared/contract';
import type { Guard } from '../../../electron/ipc/guard';
import {
  registerHandle,
  registerOperations,
  type InvokeListener,
  type IpcMainLike,
} from '../../../electron/ipc/register';
import type { Session } from '../../../electron/ipc/types';

function recordingIpcMain() {
  const handles: { channel: string; listener: InvokeListener }[] = [];
  const ipcMain: IpcMainLike = { handle: (channel, listener) => void handles.push({ channel, listener }) };
  return { ipcMain, handles };
}

const okGuard: Guard = async () => ({ ok: true, value: 'from guard' });

describe('registerOperations', () => {
  test('registers one handler per contract operation', () => {
    const { ipcMain, handles } = recordingIpcMain();
    const channels = registerOperations(ipcMain, { guard: okGuard, sessionFor: () => ({ user: null }) });
    expect(handles.map((h) => h.channel)).toEqual(OPERATION_NAMES);
    expect(new Set(handles.map((h) => h.channel)).size).toBe(OPERATION_NAMES.length);
    expect(channels).toEqual(OPERATION_NAMES);
  });

  test('registering the operations twice on the same ipcMain throws', () => {
    const { ipcMain } = recordingIpcMain();
    registerOperations(ipcMain, { guard: okGuard, sessionFor: () => ({ user: null }) });
    expect(() => registerOperations(ipcMain, { guard: okGuard, sessionFor: () => ({ user: null }) })).toThrow(
      /registered twice/,
    );
  });

  test('registering one channel twice throws, on another ipcMain it does not', () => {
    const a = recordingIpcMain();
    const b = recordingIpcMain();
    const listener: InvokeListener = async () => ({ ok: true, value: null });
    registerHandle(a.ipcMain, 'app:status', listener);
    expect(() => registerHandle(a.ipcMain, 'app:status', listener)).toThrow(/app:status/);
    expect(() => registerHandle(b.ipcMain, 'app:status', listener)).not.toThrow();
  });

  test("passes the sender frame's url, the operation name and the sender's Session to the guard", async () => {
    const { ipcMain, handles } = recordingIpcMain();
    const session: Session = { user: null };
    const sender = {};
    const guard = vi.fn<Guard>(async () => ({ ok: true, value: 1 }));
    registerOperations(ipcMain, { guard, sessionFor: (s) => (s === sender ? session : null) });
    const saveAnswer = handles.find((h) => h.channel === 'interview:saveAnswer')!;
    await saveAnswer.listener({ sender, senderFrame: { url: 'app://khaosat/index.html' } }, { x: 1 });
    expect(guard).toHaveBeenCalledWith('interview:saveAnswer', { x: 1 }, {
      senderUrl: 'app://khaosat/index.html',
      session,
    });
    expect(guard.mock.calls[0]![2].session).toBe(session);
  });

  test('no frame url or no Session for the sender is foreign_sender, and the guard is not called', async () => {
    const { ipcMain, handles } = recordingIpcMain();
    const guard = vi.fn<Guard>(okGuard);
    const known = {};
    registerOperations(ipcMain, { guard, sessionFor: (s) => (s === known ? { user: null } : null) });
    const status = handles.find((h) => h.channel === 'app:status')!.listener;
    const results: Result<unknown>[] = [
      await status({ sender: known, senderFrame: null }, {}),
      await status({ sender: known }, {}),
      await status({ sender: known, senderFrame: {} }, {}),
      await status({ sender: {}, senderFrame: { url: 'app://khaosat/' } }, {}),
    ];
    for (const r of results) expect(!r.ok && r.error.code).toBe('foreign_sender');
    expect(guard).not.toHaveBeenCalled();
  });
});
