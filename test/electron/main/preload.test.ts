// The preload bridge: exactly one function per operation on window.khaosat, fixed channels,
// a frozen object, and nothing generic (no invoke, send, on or ipcRenderer).
import { beforeAll, describe, expect, test, vi } from 'vitest';
import { operations, OPERATION_NAMES } from '../../../shared/contract';
import { buildKhaosatApi } from '../../../electron/preload/bridge';
import { createFakeElectron, fake } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule());

const methods = OPERATION_NAMES.map((name) => operations[name].method);

describe('buildKhaosatApi', () => {
  test('has exactly one function per operation, named by its method', () => {
    const api = buildKhaosatApi(async () => null) as unknown as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([...methods].sort());
    for (const method of methods) expect(typeof api[method]).toBe('function');
  });

  test('each function invokes its own operation channel with only the request', async () => {
    const invoke = vi.fn(async () => ({ ok: true, value: null }));
    const api = buildKhaosatApi(invoke) as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    for (const name of OPERATION_NAMES) {
      invoke.mockClear();
      await api[operations[name].method]!({ probe: name }, 'extra', 'args');
      expect(invoke).toHaveBeenCalledExactlyOnceWith(name, { probe: name });
    }
  });

  test('is frozen: the page cannot add or replace functions', () => {
    const api = buildKhaosatApi(async () => null) as unknown as Record<string, unknown>;
    expect(Object.isFrozen(api)).toBe(true);
    expect(() => {
      api.invoke = () => null;
    }).toThrow();
  });
});

describe('preload entry', () => {
  // The entry runs once per module load, so it is imported once against one fresh fake.
  beforeAll(async () => {
    fake.current = createFakeElectron();
    await import('../../../electron/preload/index');
  });

  test('exposes only window.khaosat, with no generic invoke, send, on or ipcRenderer', () => {
    const { exposed } = fake.current.world;
    expect([...exposed.keys()]).toEqual(['khaosat']);
    const api = exposed.get('khaosat') as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([...methods].sort());
    for (const forbidden of ['invoke', 'ipcRenderer', 'send', 'sendSync', 'on', 'once', 'postMessage']) {
      expect(api).not.toHaveProperty(forbidden);
    }
    expect(Object.isFrozen(api)).toBe(true);
  });

  test('a call goes through ipcRenderer.invoke on the operation channel', async () => {
    const api = fake.current.world.exposed.get('khaosat') as Record<string, (r: unknown) => Promise<unknown>>;
    const request = { interviewId: 'x', path: 'q1', value: 3 };
    await api.saveAnswer!(request);
    expect(fake.current.world.invoked).toEqual([{ channel: 'interview:saveAnswer', args: [request] }]);
  });
});
