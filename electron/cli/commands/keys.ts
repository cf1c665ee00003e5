// `khaosat keys generate`: an analyst's signing key pair (Ed25519, signs survey packages) and
// encryption key pair (age X25519, opens batches), with fingerprints to read aloud.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateAnalystKeys } from '../../sync/analyst-keys';
import { passphraseProtector, plainProtector } from '../../sync/key-protector';
import { usageError, type CliIo } from '../io';
import { printJson, printTable } from '../output';

export async function keysGenerateCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      out: { type: 'string' },
      passphrase: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length > 0) throw usageError(`unexpected argument '${positionals[0]}'`);
  if (!values.out) throw usageError('missing --out DIR');
  const protector = values.passphrase
    ? passphraseProtector(await io.readSecret('Cụm mật khẩu cho khóa ký / passphrase for the signing key: '))
    : plainProtector();
  const summary = await generateAnalystKeys(resolve(io.cwd, values.out), protector);
  if (values.json) {
    printJson(io, summary);
    return 0;
  }
  printTable(io, ['key', 'file', 'fingerprint', 'public'], [
    ['signing (Ed25519)', summary.files.signingKey, summary.signing.fingerprint, summary.signing.publicKey],
    ['encryption (age X25519)', summary.files.encryptionKey, summary.encryption.fingerprint, summary.encryption.recipient],
  ]);
  io.out(
    `\nĐã ghi vào / written to ${summary.dir}\n` +
      `Giữ bí mật ${summary.files.signingKey} và ${summary.files.encryptionKey} (chỉ chủ sở hữu đọc được, 0600).\n` +
      `Keep ${summary.files.signingKey} and ${summary.files.encryptionKey} secret (owner-only, 0600)` +
      (summary.signing.protection === 'none' ? '; the signing key has no passphrase (use --passphrase to set one).\n' : '.\n'),
  );
  return 0;
}
