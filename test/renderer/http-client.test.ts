// The preview host's HTTP client: every contract method, the token header, and the token taken
// out of the address bar.
import { describe, expect, it, vi } from 'vitest';
import { createHttpApi, takePreviewToken, TOKEN_STORAGE_KEY } from '../../renderer/api/http';
import { contractError, OPERATION_NAMES, operations } from '../../shared/contract';

const TOKEN = 'f'.repeat(64);

function jsonResponse(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

describe('HTTP api client', () => {
  it('has one function per contract operation', () => {
    const api = createHttpApi(TOKEN, vi.fn());
    for (const name of OPERATION_NAMES) expect(typeof (api as unknown as Record<string, unknown>)[operations[name].method]).toBe('function');
  });

  it('posts the request as JSON to /api/<operation> with the token header', async () => {
    const fetchImpl = vi.fn(async () => jsonResponse({ ok: true, value: { id: 1 } }));
    const api = createHttpApi(TOKEN, fetchImpl);
    const result = await api.signIn({ code: 'DTV001', secret: '135790' });
    expect(result).toEqual({ ok: true, value: { id: 1 } });
    expect(fetchImpl).toHaveBeenCalledWith('/api/session:signIn', expect.objectContaining({
      method: 'POST',
      body: JSON.stringify({ code: 'DTV001', secret: '135790' }),
      headers: { 'Content-Type': 'application/json', 'X-KhaoSat-Token': TOKEN },
    }));
  });

  it('passes the host refusals through as results and turns a broken reply into internal', async () => {
    const refused = createHttpApi(TOKEN, async () => jsonResponse({ ok: false, error: contractError('foreign_sender') }, 403));
    expect(await refused.status({})).toMatchObject({ ok: false, error: { code: 'foreign_sender' } });
    const garbage = createHttpApi(TOKEN, async () => new Response('<html>', { status: 502 }));
    expect(await garbage.status({})).toMatchObject({ ok: false, error: { code: 'internal' } });
    const offline = createHttpApi(TOKEN, async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await offline.status({})).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});

describe('preview token', () => {
  function page(hash: string) {
    const stored = new Map<string, string>();
    return {
      location: { hash, pathname: '/', search: '' },
      history: { replaceState: vi.fn() },
      storage: { getItem: (k: string) => stored.get(k) ?? null, setItem: (k: string, v: string) => void stored.set(k, v) },
      stored,
    };
  }

  it('takes the token from the fragment, removes it from the address bar and keeps it for the tab', () => {
    const p = page(`#token=${TOKEN}`);
    expect(takePreviewToken(p.location, p.history, p.storage)).toBe(TOKEN);
    expect(p.history.replaceState).toHaveBeenCalledWith(null, '', '/');
    expect(p.stored.get(TOKEN_STORAGE_KEY)).toBe(TOKEN);
    // After a reload the fragment is gone; the tab's copy is used.
    p.location.hash = '';
    expect(takePreviewToken(p.location, p.history, p.storage)).toBe(TOKEN);
  });

  it('ignores a malformed token', () => {
    const p = page('#token=<script>');
    expect(takePreviewToken(p.location, p.history, p.storage)).toBeNull();
    expect(p.stored.size).toBe(0);
  });
});
