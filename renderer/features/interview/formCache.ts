// Form models by content hash: fetched once with `form:get`, kept for the page's life (a hash
// names one form version for ever, so the cache never goes stale).
import type { KhaosatApi } from '../../../shared/contract';
import type { FormModel } from '../../../shared/forms/model';
import type { ContractError } from '../../../shared/contract';

const cache = new Map<string, FormModel>();

export async function getForm(api: KhaosatApi, hash: string): Promise<{ ok: true; form: FormModel } | { ok: false; error: ContractError }> {
  const hit = cache.get(hash);
  if (hit) return { ok: true, form: hit };
  const r = await api.getForm({ hash });
  if (!r.ok) return { ok: false, error: r.error };
  const form = r.value.model as unknown as FormModel;
  cache.set(hash, form);
  return { ok: true, form };
}

/** Tests start from an empty cache. */
export function clearFormCache(): void {
  cache.clear();
}
