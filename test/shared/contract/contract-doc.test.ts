// docs/contract.md is generated from the contract; this fails when someone changes one alone.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderContractDoc } from '../../../shared/contract/doc';
import { ERROR_CODES, OPERATION_NAMES, operations } from '../../../shared/contract';
import { OPERATION_METHODS } from '../../../shared/contract/methods';

describe('contract documentation', () => {
  it('docs/contract.md matches the contract (regenerate with npx tsx scripts/contract-doc.ts)', () => {
    const doc = readFileSync(join(import.meta.dirname, '../../../docs/contract.md'), 'utf8');
    expect(doc).toBe(renderContractDoc());
    for (const name of OPERATION_NAMES) expect(doc).toContain(`\`${name}\``);
    for (const code of ERROR_CODES) expect(doc).toContain(`\`${code}\``);
  });

  it('the zod-free method table used by the preload lists exactly the contract operations', () => {
    expect(Object.keys(OPERATION_METHODS).sort()).toEqual([...OPERATION_NAMES].sort());
    for (const name of OPERATION_NAMES) expect(OPERATION_METHODS[name]).toBe(operations[name].method);
  });

  it('preload method names are unique', () => {
    const methods = OPERATION_NAMES.map((n) => operations[n].method);
    expect(new Set(methods).size).toBe(methods.length);
  });
});
