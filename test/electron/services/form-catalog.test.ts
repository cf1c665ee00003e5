// The form catalog answers byVersion for every saved answer: a form already loaded must come from
// its cache by hash, without copying the definition out of SQLite again (that copy made a
// simulated interview of the HIDS form cost ~30 ms per answer).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRepositories } from '../../../electron/db/repositories';
import { createFormCatalog } from '../../../electron/services/forms';
import { cleanup, makeCore, setUpStaff } from './helpers';
import type { Core } from '../../../electron/services';

const cores: Core[] = [];
afterEach(() => cleanup(cores));

describe('form catalog', () => {
  it('reads a form definition once, then finds it by hash', async () => {
    const core = makeCore();
    cores.push(core);
    await setUpStaff(core);
    const repos = createRepositories(core.db);
    const definition = vi.spyOn(repos.surveys, 'formVersion');
    const catalog = createFormCatalog(repos);
    const first = catalog.byVersion('hids', 'v1');
    const second = catalog.byVersion('hids', 'v1');
    expect(first?.formVersion).toBe('v1');
    expect(second).toBe(first);
    expect(definition).toHaveBeenCalledTimes(1);
    expect(catalog.byVersion('hids', 'nope')).toBeNull();
  });
});
