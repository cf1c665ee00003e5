// `khaosat user add`: register a user on a laptop's database from the command line (preparing
// laptops in bulk). Whoever can run this can already write the database file, so it acts as
// the operator, recorded as such in the audit log.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { PersonNameSchema, RoleSchema, SecretSchema, UserCodeSchema } from '../../../shared/contract';
import { createCore } from '../../services';
import { defaultDbPath } from '../../paths';
import { CliError, usageError, type CliIo } from '../io';
import { printJson, printKeyValues } from '../output';

const UserAddArgs = z.strictObject({
  role: RoleSchema,
  code: UserCodeSchema,
  name: PersonNameSchema,
});

export async function userAddCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      db: { type: 'string' },
      role: { type: 'string' },
      code: { type: 'string' },
      name: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const parsed = UserAddArgs.safeParse({ role: values.role, code: values.code, name: values.name });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw usageError(`--${String(issue.path[0])}: ${issue.message}`);
  }
  const secret = await io.readSecret(`PIN/mật khẩu cho ${parsed.data.code} (PIN/password): `);
  if (secret.length === 0) {
    throw new CliError('no PIN/password on standard input (pipe it in, e.g. `echo 1234 | khaosat user add …`)');
  }
  // Said apart from "missing": a long passphrase must not be told it was never given.
  if (!SecretSchema.safeParse(secret).success) throw new CliError('PIN/password longer than 128 characters');
  const core = createCore({ dbPath: resolve(io.cwd, values.db ?? defaultDbPath(io.env)) });
  try {
    const user = await core.services.users.createUserByOperator({ ...parsed.data, secret });
    if (values.json) printJson(io, user);
    else
      printKeyValues(io, [
        ['id', user.id],
        ['code', user.code],
        ['name', user.name],
        ['role', user.role],
      ]);
    return 0;
  } finally {
    core.close();
  }
}
