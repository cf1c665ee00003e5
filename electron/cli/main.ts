// Entry logic of the `khaosat` command: picks the subcommand, turns failures into one line on
// stderr and a non-zero exit code. Takes its I/O as an argument so tests run it in-process.
import { contractError, ServiceError } from '../../shared/contract/errors';
import { asStorageError } from '../db/errors';
import { COMMANDS, type Command } from './commands';
import { CliError, type CliIo } from './io';
import { describeSystemError } from './system-errors';

declare const __KHAOSAT_VERSION__: string | undefined;

export function appVersion(): string {
  return typeof __KHAOSAT_VERSION__ === 'string' ? __KHAOSAT_VERSION__ : (process.env.npm_package_version ?? '0.0.0-dev');
}

export function helpText(): string {
  return [
    `khaosat ${appVersion()} — KhaoSat, khảo sát sự hài lòng (offline survey fieldwork)`,
    '',
    'Cách dùng / usage:',
    ...COMMANDS.map((c) => `  ${c.usage}\n      ${c.summary}`),
    '',
    '  khaosat --version        print the version',
    '  khaosat --help           this help',
    '',
    'Mọi lệnh in bảng cho người đọc; thêm --json để in JSON. Lỗi: một dòng lý do, mã thoát khác 0.',
    'Every command prints a table by default and JSON with --json; failures print one line and exit non-zero.',
    '',
  ].join('\n');
}

function findCommand(argv: string[]): { command: Command; rest: string[] } | null {
  for (const command of COMMANDS) {
    if (command.words.every((w, i) => argv[i] === w)) return { command, rest: argv.slice(command.words.length) };
  }
  return null;
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const first = argv[0];
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    io.out(helpText());
    return first === undefined ? 2 : 0;
  }
  if (first === '--version' || first === '-v') {
    io.out(`${appVersion()}\n`);
    return 0;
  }
  const found = findCommand(argv);
  if (!found) {
    io.err(`khaosat: unknown command '${argv.join(' ')}' (see: khaosat --help)\n`);
    return 2;
  }
  try {
    return await found.command.run(found.rest, io);
  } catch (thrown) {
    // A read-only file, a full disk or a failing disk says so, whichever call hit it.
    const error = asStorageError(thrown);
    if (error instanceof CliError) {
      io.err(`khaosat: ${error.message}\n`);
      return error.exitCode;
    }
    if (error instanceof ServiceError) {
      // The same sentences the app shows, made specific by the error's extras (which PIN rule…).
      const m = contractError(error.code, error.extra);
      io.err(`khaosat: ${m.message} / ${m.messageEn}${error.detail ? ` (${error.detail})` : ''}\n`);
      return 1;
    }
    // parseArgs reports unknown/missing options with a code; those are usage errors.
    const code = (error as { code?: string }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      io.err(`khaosat: sai cách dùng / usage: ${(error as Error).message} (see: khaosat --help)\n`);
      return 2;
    }
    const system = describeSystemError(error);
    if (system) {
      io.err(`khaosat: ${system}\n`);
      return 1;
    }
    io.err(`khaosat: unexpected error: ${(error as Error)?.message ?? String(error)}\n`);
    return 1;
  }
}
