// `khaosat user add`: register a user on a laptop's database from the command line (preparing
// laptops in bulk). Whoever can run this can already write the database file, so it acts as
// the operator, recorded as such in the audit log. On a laptop without an active supervisor the
// first user added must be a supervisor (first_user_not_supervisor), so someone can manage users.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { describeIssue, PersonNameSchema, RoleSchema, UserCodeSchema } from '../../../shared/contract';
import { checkSecret, normalizeSecretInput, SECRET_RULE_MESSAGES } from '../../../shared/users/secrets';
import { createCore } from '../../services';
import { dbTarget, prepareDbTarget } from '../db-target';
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
    const text = describeIssue(issue, { role: values.role, code: values.code, name: values.name });
    throw usageError(`--${String(issue.path[0])}: ${text.message} / ${text.messageEn}`);
  }
  const input = { ...parsed.data, name: parsed.data.name.normalize('NFC') };
  const secret = normalizeSecretInput(await io.readSecret(`PIN/mật khẩu cho ${input.code} (PIN/password): `));
  const rule = checkSecret(secret, input.role);
  if (rule === 'empty') {
    throw new CliError(
      'không có PIN/mật khẩu ở đầu vào chuẩn / no PIN/password on standard input (pipe it in, e.g. `echo 4829 | khaosat user add …`)',
    );
  }
  if (rule) throw new CliError(`${SECRET_RULE_MESSAGES[rule].vi} / ${SECRET_RULE_MESSAGES[rule].en}`);
  const path = prepareDbTarget(dbTarget(values.db, io), { createDefaultFolder: true });
  const core = createCore({ dbPath: path });
  try {
    const user = await core.services.users.createUserByOperator({ ...input, secret });
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
