// The renderer's one way to the core: `window.khaosat` (the preload bridge) in Electron, the
// preview host's HTTP API in a plain browser. Same `KhaosatApi` type either way, from the contract.
import type { KhaosatApi } from '../../shared/contract';
import { createHttpApi, takePreviewToken } from './http';

declare global {
  interface Window {
    /** Exposed by the preload script; absent when the page is served by the preview host. */
    readonly khaosat?: KhaosatApi;
  }
}

export type { KhaosatApi };

let cached: KhaosatApi | null = null;

export function getApi(): KhaosatApi {
  if (cached) return cached;
  if (window.khaosat) return (cached = window.khaosat);
  // Without a token every call is refused by the host as foreign_sender, which the UI shows.
  const token = takePreviewToken(window.location, window.history, window.sessionStorage) ?? '';
  return (cached = createHttpApi(token));
}
