// `khaosat keys generate`: both key pairs, owner-only secrets, never overwritten, fingerprints
// printed; the files work with Debian's age and with the package/batch code.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import type { CliIo } from '../../../electron/cli/io';
import { loadAnalystIdentity, loadAnalystSigningKeys } from '../../../electron/sync/analyst-keys';
import { passphraseProtector, plainProtector } from '../../../electron/sync/key-protector';

const dir = mkdtempSync(join(tmpdir(), 'khaosat-keys-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fakeIo(secret = '') {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => void out.push(t), err: (t) => void err.push(t), readSecret: async () => secret, env: {}, cwd: dir };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

describe('khaosat keys generate', () => {
  it('writes the signing and encryption key pairs, secrets 0600, and prints both fingerprints', async () => {
    const t = fakeIo();
    expect(await runCli(['keys', 'generate', '--out', 'analyst'], t.io)).toBe(0);
    const out = join(dir, 'analyst');
    expect(readdirSync(out).sort()).toEqual(['encryption.key', 'encryption.pub', 'signing.key', 'signing.pub']);
    expect(statSync(join(out, 'signing.key')).mode & 0o777).toBe(0o600);
    expect(statSync(join(out, 'encryption.key')).mode & 0o777).toBe(0o600);
    expect(statSync(out).mode & 0o777).toBe(0o700);
    const { signing, recipient } = await loadAnalystSigningKeys(out, plainProtector());
    expect(t.out()).toContain(signing.fingerprint);
    expect(t.out()).toContain(recipient);
    expect(readFileSync(join(out, 'encryption.pub'), 'utf8')).toBe(`${recipient}\n`);
    expect(await loadAnalystIdentity(out)).toMatch(/^AGE-SECRET-KEY-1/);
    if (!spawnSync('age-keygen', ['--version']).error) {
      expect(execFileSync('age-keygen', ['-y', join(out, 'encryption.key')]).toString().trim()).toBe(recipient);
    }
  });

  it('refuses to overwrite an existing key folder and changes nothing', async () => {
    const out = join(dir, 'analyst');
    const before = readFileSync(join(out, 'signing.key'));
    const t = fakeIo();
    expect(await runCli(['keys', 'generate', '--out', 'analyst'], t.io)).toBe(1);
    expect(t.err()).toMatch(/không ghi đè khóa.*does not overwrite keys.*signing\.key/);
    expect(t.err().trim().split('\n')).toHaveLength(1);
    expect(readFileSync(join(out, 'signing.key')).equals(before)).toBe(true);
  });

  it('--json prints the fingerprints; --passphrase wraps the signing key with the passphrase from stdin', async () => {
    const t = fakeIo('cụm mật khẩu dài');
    expect(await runCli(['keys', 'generate', '--out', 'locked', '--passphrase', '--json'], t.io)).toBe(0);
    const summary = JSON.parse(t.out());
    expect(summary).toMatchObject({
      signing: { protection: 'age-passphrase', fingerprint: expect.stringMatching(/^[0-9A-F]{4}(-[0-9A-F]{4}){7}$/) },
      encryption: { recipient: expect.stringMatching(/^age1/), fingerprint: expect.stringMatching(/^[0-9A-F]{4}(-[0-9A-F]{4}){7}$/) },
    });
    const { signing } = await loadAnalystSigningKeys(join(dir, 'locked'), passphraseProtector('cụm mật khẩu dài'));
    expect(signing.fingerprint).toBe(summary.signing.fingerprint);
    // Two scrypt runs at age's work factor (N = 2^18) in JavaScript: seconds each on a busy machine.
  }, 120_000);

  it('without --out is a usage error', async () => {
    const t = fakeIo();
    expect(await runCli(['keys', 'generate'], t.io)).toBe(2);
    expect(t.err()).toMatch(/missing --out/);
  });
});
