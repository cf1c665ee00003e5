// The registry of `khaosat` subcommands: `--help` is generated from it, so help and behaviour
// cannot disagree.
import type { CliIo } from './io';
import { doctorCommand } from './commands/doctor';
import { userAddCommand } from './commands/user';
import { formCheckCommand, formRunCommand } from './commands/form';

export interface Command {
  /** Words that select it, e.g. ['user', 'add']. */
  words: string[];
  usage: string;
  summary: string;
  run: (args: string[], io: CliIo) => Promise<number>;
}

export const COMMANDS: Command[] = [
  {
    words: ['user', 'add'],
    usage: 'khaosat user add --db FILE --role surveyor|supervisor|analyst --code C --name N [--json]',
    summary: 'Add a user; the PIN/password is read from standard input, never from an argument.',
    run: userAddCommand,
  },
  {
    words: ['form', 'check'],
    usage: 'khaosat form check <form.xlsx|form.json> [--json]',
    summary: 'Validate a questionnaire; errors name the sheet, row and column. Exit 0 and a summary, or 1 and the errors.',
    run: formCheckCommand,
  },
  {
    words: ['form', 'run'],
    usage: 'khaosat form run <form.xlsx|form.json> --answers <answers.json> [--lang vi|en] [--json]',
    summary: 'Evaluate a filled record ({ "<name>": value }, repeats as arrays of objects): relevance, errors, calculations, completeness. Exit 0 when complete, 1 when not.',
    run: formRunCommand,
  },
  {
    words: ['doctor'],
    usage: 'khaosat doctor [--db FILE] [--json]',
    summary: 'Database path, schema version, SQLite version, journal mode, synchronous level, integrity.',
    run: doctorCommand,
  },
];
