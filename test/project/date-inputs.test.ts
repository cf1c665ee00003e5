// Every date the renderer asks for goes through DateField (dd/mm/yyyy whatever the computer's
// locale): no native <input type="date">, whose order follows the operating system.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : /\.(tsx?|html)$/.test(e.name) ? [join(dir, e.name)] : []));
}

it('the renderer has no native date input', () => {
  const offenders = sources('renderer').filter((f) => /type\s*[=:]\s*\{?\s*["'`](date|datetime-local)["'`]/.test(readFileSync(f, 'utf8')));
  expect(offenders).toEqual([]);
});
