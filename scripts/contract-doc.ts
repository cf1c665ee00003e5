// Writes docs/contract.md from shared/contract (run: npx tsx scripts/contract-doc.ts).
// test/shared/contract-doc.test.ts fails when the doc and the contract disagree.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderContractDoc } from '../shared/contract/doc';

writeFileSync(join(import.meta.dirname, '..', 'docs', 'contract.md'), renderContractDoc());
