// Renders the contract as Markdown (docs/contract.md), so the documentation is derived from
// the same list the code registers and cannot drift from it.
import { ERROR_MESSAGES, type ErrorCode } from './errors';
import { LOCKOUT_SECONDS, MAX_FAILED_ATTEMPTS } from '../users/lockout';
import { operations, type OperationName } from './operations';
import { ROLE_LABELS } from './roles';

function accessText(name: OperationName): string {
  const access = operations[name].access;
  if (access === 'public') return 'anyone (no sign-in)';
  if (access === 'signed_in') return 'any signed-in user';
  return access.map((r) => `${r} (${ROLE_LABELS[r].vi})`).join(', ');
}

export function renderContractDoc(): string {
  const ops = (Object.keys(operations) as OperationName[]).map(
    (name) => `| \`${name}\` | \`window.khaosat.${operations[name].method}()\` | ${accessText(name)} | ${operations[name].summary} |`,
  );
  const errors = (Object.keys(ERROR_MESSAGES) as ErrorCode[]).map(
    (code) => `| \`${code}\` | ${ERROR_MESSAGES[code].vi} | ${ERROR_MESSAGES[code].en} |`,
  );
  return [
    '# The contract',
    '',
    'Generated from `shared/contract/` by `npx tsx scripts/contract-doc.ts`; a test fails when it is stale.',
    '',
    'Every operation has a zod request and response schema (strict objects, bounded strings and',
    'arrays) and an access rule. The Electron main process registers one IPC handler per operation,',
    'the preload exposes one function per operation on `window.khaosat`, and the preview host',
    'serves `POST /api/<operation>`; all three pass the same guard (`electron/ipc/guard.ts`):',
    'known operation → trusted sender → valid payload → allowed role → service → response checked',
    'against its schema. Results are `{ ok: true, value }` or `{ ok: false, error: { code, message, messageEn, issues? } }`.',
    '',
    '## Operations',
    '',
    '| operation | renderer call | who may call | what it does |',
    '|---|---|---|---|',
    ...ops,
    '',
    '## Error codes',
    '',
    'Codes are stable: once shipped, a code keeps its meaning. `message` is Vietnamese, `messageEn` English.',
    'The table gives each code\'s base sentence; an error may make it specific:',
    '',
    '- `issues` (`invalid_request`, `weak_secret`; at most 20, each text at most 200 characters): `{ path, problem, message?, messageEn? }` —',
    '  `message`/`messageEn` name the field and the rule ("Mã người dùng: chỉ chữ không dấu, số, _ . -"), and the first',
    '  one becomes the error\'s own message; `problem` is zod\'s technical text, for logs.',
    `- \`remainingAttempts\` (\`invalid_credentials\`, 1–${MAX_FAILED_ATTEMPTS - 1}): wrong tries left before sign-in locks; the message says it.`,
    `- \`retryAfterSeconds\` (\`locked_out\`, 1–${LOCKOUT_SECONDS}): seconds until sign-in may be tried again; the message says it.`,
    '  Known and unknown user codes get the same answers (see docs/users.md).',
    '',
    '| code | Tiếng Việt | English |',
    '|---|---|---|',
    ...errors,
    '',
  ].join('\n');
}
