// The contract over HTTP, for the page served by the loopback preview host: one function per
// operation, built from the contract's list, posting to /api/<operation> with the run's token.
import {
  contractError,
  OPERATION_NAMES,
  operations,
  type KhaosatApi,
  type Result,
} from '../../shared/contract';

export const TOKEN_HEADER = 'X-KhaoSat-Token';

type Fetch = (input: string, init: RequestInit) => Promise<Response>;

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  const v = value as { ok: unknown; error?: { code?: unknown; message?: unknown } };
  if (v.ok === true) return 'value' in v;
  return v.ok === false && typeof v.error?.code === 'string' && typeof v.error.message === 'string';
}

export function createHttpApi(token: string, fetchImpl: Fetch = (input, init) => fetch(input, init)): KhaosatApi {
  const api: Record<string, (request: unknown) => Promise<Result<unknown>>> = {};
  for (const name of OPERATION_NAMES) {
    api[operations[name].method] = async (request) => {
      try {
        const response = await fetchImpl(`/api/${name}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token },
          body: JSON.stringify(request ?? {}),
          credentials: 'omit',
          cache: 'no-store',
        });
        const body: unknown = await response.json();
        // The host answers refusals (403, 413…) with a Result too; anything else is a broken host.
        return isResult(body) ? body : { ok: false, error: contractError('internal') };
      } catch {
        return { ok: false, error: contractError('internal') };
      }
    };
  }
  // Built from the same list the type is derived from, so every method is present.
  return api as unknown as KhaosatApi;
}

const TOKEN_PATTERN = /^[0-9a-f]{64}$/;
export const TOKEN_STORAGE_KEY = 'khaosat.previewToken';

/**
 * The preview host hands its token in the URL fragment (never sent to a server, never logged).
 * Take it out of the address bar at once and keep it for this tab only, so a reload still works.
 */
export function takePreviewToken(
  location: Pick<Location, 'hash' | 'pathname' | 'search'>,
  history: Pick<History, 'replaceState'>,
  storage: Pick<Storage, 'getItem' | 'setItem'>,
): string | null {
  const match = /^#token=([^&]*)$/.exec(location.hash);
  if (match) {
    history.replaceState(null, '', `${location.pathname}${location.search}`);
    const token = match[1] ?? '';
    if (TOKEN_PATTERN.test(token)) {
      storage.setItem(TOKEN_STORAGE_KEY, token);
      return token;
    }
  }
  const saved = storage.getItem(TOKEN_STORAGE_KEY);
  return saved && TOKEN_PATTERN.test(saved) ? saved : null;
}
