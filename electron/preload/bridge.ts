// Builds the object the preload exposes as window.khaosat: one function per contract operation,
// keyed by its `method`, each invoking the fixed channel of that operation. Nothing generic.
// Imports only the zod-free method table, so the sandboxed preload bundle stays small.
import { OPERATION_METHODS } from '../../shared/contract/methods';
import type { KhaosatApi } from '../../shared/contract/api';

export type Invoke = (channel: string, request: unknown) => Promise<unknown>;

export function buildKhaosatApi(invoke: Invoke): Readonly<KhaosatApi> {
  const api: Record<string, (request?: unknown) => Promise<unknown>> = {};
  for (const [operation, method] of Object.entries(OPERATION_METHODS)) {
    // Only the first argument crosses; the channel is captured here, never chosen by the page.
    // Operations with an empty request may be called without one.
    api[method] = (request?: unknown) => invoke(operation, request === undefined ? {} : request);
  }
  return Object.freeze(api) as unknown as Readonly<KhaosatApi>;
}
