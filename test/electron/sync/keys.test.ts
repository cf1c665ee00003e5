// Keys: Ed25519 against RFC 8032's vectors, fingerprints, protection at rest (age passphrase,
// safeStorage, plain), key files that are owner-only and never overwritten, the device key.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDeviceSigningKey } from '../../../electron/sync/device-key';
import { readSigningKeyFile, writeSigningKeyFile } from '../../../electron/sync/key-files';
import { passphraseProtector, plainProtector, safeStorageProtector, type SafeStorageLike } from '../../../electron/sync/key-protector';
import { generateSigningKey, keyFingerprint, signingKeyFromSeed, verifySignature } from '../../../electron/sync/signing';
import { codeOfAsync } from './samples';

const dir = mkdtempSync(join(tmpdir(), 'khaosat-keys-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const FAST = { workFactor: 10 }; // scrypt N = 2^10 keeps tests quick; the default is age's 18.

describe('Ed25519 signing keys', () => {
  it('match RFC 8032 test vector 1 (key from seed, signature of the empty message)', () => {
    const key = signingKeyFromSeed(Buffer.from('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60', 'hex'));
    expect(key.publicKeyHex).toBe('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a');
    const signature = key.sign(Buffer.alloc(0));
    expect(signature.toString('hex')).toBe(
      'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
    );
    expect(verifySignature(key.publicKey, Buffer.alloc(0), signature)).toBe(true);
    expect(verifySignature(key.publicKey, Buffer.from([0]), signature)).toBe(false);
    expect(verifySignature(key.publicKey.subarray(1), Buffer.alloc(0), signature)).toBe(false);
  });

  it('fingerprints are the first 128 bits of SHA-256 of the raw key, in eight groups', () => {
    const key = signingKeyFromSeed(Buffer.alloc(32));
    const digest = execFileSync('sha256sum', { input: key.publicKey }).toString().slice(0, 32).toUpperCase();
    expect(key.fingerprint).toBe(digest.match(/.{4}/g)!.join('-'));
    expect(keyFingerprint(key.publicKey)).toBe(key.fingerprint);
    expect(generateSigningKey().fingerprint).not.toBe(key.fingerprint);
  });
});

describe('key protection at rest', () => {
  it('a passphrase-protected key file is 0600, an age file inside, and opens only with the passphrase', async () => {
    const key = generateSigningKey();
    const path = join(dir, 'pass.key');
    await writeSigningKeyFile(path, key, passphraseProtector('đúng mật khẩu', FAST));
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const file = JSON.parse(readFileSync(path, 'utf8'));
    expect(file).toMatchObject({ protection: 'age-passphrase', publicKey: key.publicKeyHex, fingerprint: key.fingerprint });
    expect(Buffer.from(file.secret, 'base64').toString('latin1')).toMatch(/^age-encryption\.org\/v1\n-> scrypt /);
    expect(readFileSync(path).includes(key.exportSeed().toString('base64'))).toBe(false);
    const back = await readSigningKeyFile(path, passphraseProtector('đúng mật khẩu'));
    expect(back.publicKeyHex).toBe(key.publicKeyHex);
    expect(await codeOfAsync(() => readSigningKeyFile(path, passphraseProtector('sai mật khẩu')))).toBe('key_wrong_passphrase');
    expect(await codeOfAsync(() => readSigningKeyFile(path, plainProtector()))).toBe('key_unavailable');
  });

  it('refuses a short passphrase', async () => {
    expect(await codeOfAsync(() => writeSigningKeyFile(join(dir, 'short.key'), generateSigningKey(), passphraseProtector('1234567', FAST)))).toBe('weak_secret');
  });

  it('never overwrites a key file', async () => {
    const path = join(dir, 'once.key');
    await writeSigningKeyFile(path, generateSigningKey(), plainProtector());
    const before = readFileSync(path);
    expect(await codeOfAsync(() => writeSigningKeyFile(path, generateSigningKey(), plainProtector()))).toBe('key_exists');
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it.skipIf(process.platform === 'win32')('a secret key file others can read is refused (key_exposed), as ssh does', async () => {
    const { writeAgeIdentityFile, readAgeIdentityFile } = await import('../../../electron/sync/key-files');
    const { generateAgeKeyPair } = await import('../../../electron/sync/age');
    const path = join(dir, 'exposed.key');
    await writeSigningKeyFile(path, generateSigningKey(), plainProtector());
    chmodSync(path, 0o644);
    expect(await codeOfAsync(() => readSigningKeyFile(path, plainProtector()))).toBe('key_exposed');
    chmodSync(path, 0o600);
    expect(await codeOfAsync(() => readSigningKeyFile(path, plainProtector()))).toBe('no error');
    const idPath = join(dir, 'exposed-age.key');
    await writeAgeIdentityFile(idPath, (await generateAgeKeyPair()).identity, new Date());
    chmodSync(idPath, 0o640);
    expect(await codeOfAsync(() => readAgeIdentityFile(idPath))).toBe('key_exposed');
  });

  it('a key file whose public key was changed is refused as damaged', async () => {
    const path = join(dir, 'edited.key');
    await writeSigningKeyFile(path, generateSigningKey(), plainProtector());
    const file = JSON.parse(readFileSync(path, 'utf8'));
    const other = generateSigningKey();
    writeFileSync(path, JSON.stringify({ ...file, publicKey: other.publicKeyHex, fingerprint: other.fingerprint }));
    expect(await codeOfAsync(() => readSigningKeyFile(path, plainProtector()))).toBe('key_damaged');
    writeFileSync(path, '{"format":"khaosat-signing-key"');
    expect(await codeOfAsync(() => readSigningKeyFile(path, plainProtector()))).toBe('key_damaged');
  });

  it('safeStorage protection round-trips through the keychain port and fails clearly without it', async () => {
    const keychain = new Map<string, string>();
    let available = true;
    const fake: SafeStorageLike = {
      isEncryptionAvailable: () => available,
      encryptString: (plain) => {
        const handle = `h${keychain.size}`;
        keychain.set(handle, plain);
        return Buffer.from(handle);
      },
      decryptString: (enc) => {
        const plain = keychain.get(enc.toString());
        if (plain === undefined) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
        return plain;
      },
    };
    const key = generateSigningKey();
    const path = join(dir, 'safe.key');
    await writeSigningKeyFile(path, key, safeStorageProtector(fake));
    expect(JSON.parse(readFileSync(path, 'utf8')).protection).toBe('safe-storage');
    expect((await readSigningKeyFile(path, safeStorageProtector(fake))).publicKeyHex).toBe(key.publicKeyHex);
    keychain.clear();
    expect(await codeOfAsync(() => readSigningKeyFile(path, safeStorageProtector(fake)))).toBe('key_unavailable');
    available = false;
    expect(await codeOfAsync(() => readSigningKeyFile(path, safeStorageProtector(fake)))).toBe('key_unavailable');
  });
});

describe('device signing key', () => {
  it('is made on first open, kept 0600, and the same key comes back afterwards', async () => {
    const path = join(dir, 'device-signing.key');
    const first = await openDeviceSigningKey(path, passphraseProtector('máy tính 07 của HIDS', FAST));
    expect(first.created).toBe(true);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const again = await openDeviceSigningKey(path, passphraseProtector('máy tính 07 của HIDS'));
    expect(again.created).toBe(false);
    expect(again.key.fingerprint).toBe(first.key.fingerprint);
    const message = Buffer.from('batch');
    expect(verifySignature(first.key.publicKey, message, again.key.sign(message))).toBe(true);
  });
});

const ageKeygen = spawnSync('age-keygen', ['--version']);
if (ageKeygen.error) console.warn('skipped: Debian age-keygen is not installed here (CI installs it: apt-get install age)');
describe.skipIf(!!ageKeygen.error)('age identity files', () => {
  it('are read by Debian age-keygen, which derives the same recipient', async () => {
    const { generateAgeKeyPair } = await import('../../../electron/sync/age');
    const { writeAgeIdentityFile, readAgeIdentityFile } = await import('../../../electron/sync/key-files');
    const pair = await generateAgeKeyPair();
    const path = join(dir, 'id.key');
    await writeAgeIdentityFile(path, pair.identity, new Date('2026-11-30T00:00:00Z'));
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(execFileSync('age-keygen', ['-y', path]).toString().trim()).toBe(pair.recipient);
    expect(await readAgeIdentityFile(path)).toBe(pair.identity);
  });
});
