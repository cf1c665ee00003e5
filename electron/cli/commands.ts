// The registry of `khaosat` subcommands: `--help` is generated from it, so help and behaviour
// cannot disagree.
import type { CliIo } from './io';
import { backupListCommand, backupRestoreCommand } from './commands/backup';
import { batchExportCommand, batchListCommand, batchReexportCommand } from './commands/batch';
import { doctorCommand } from './commands/doctor';
import { userAddCommand } from './commands/user';
import { formCheckCommand, formRunCommand } from './commands/form';
import { keysGenerateCommand } from './commands/keys';
import { importCommand } from './commands/import';
import { reportCommand } from './commands/report';
import { exportCommand } from './commands/export';
import { packageCreateCommand, packageInstallCommand } from './commands/package';
import { simulateCommand } from './commands/simulate';
import { demoCommand } from './commands/demo';

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
    summary:
      'Add a user; the PIN/password is read from standard input, never from an argument. The first user must be a supervisor; supervisors and analysts need a password or a PIN of 8+ digits.',
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
    words: ['backup', 'list'],
    usage: 'khaosat backup list [--db FILE] [--json]',
    summary: 'Backups beside the database (in <its folder>/backups), newest first, each verified: time, size, usable or why not.',
    run: backupListCommand,
  },
  {
    words: ['backup', 'restore'],
    usage: 'khaosat backup restore [--db FILE] [--from BACKUP] [--json]',
    summary: 'Put the newest usable backup (or --from, a name or path) in place of a missing, empty or damaged database; replaced files go to kept/, nothing is deleted.',
    run: backupRestoreCommand,
  },
  {
    words: ['keys', 'generate'],
    usage: 'khaosat keys generate --out DIR [--passphrase] [--json]',
    summary: "An analyst's signing key (Ed25519) and encryption key (age X25519) in DIR: secrets 0600, never overwritten; prints fingerprints. --passphrase wraps the signing key (passphrase from stdin).",
    run: keysGenerateCommand,
  },
  {
    words: ['batch', 'export'],
    usage: 'khaosat batch export --out DIR [--db FILE] (--keys DIR | --recipient age1…) [--passphrase] [--json]',
    summary:
      "One signed, encrypted batch per survey with approved interviews not yet exported at their revision, into DIR; the ledger records it only once the file is in place. The analyst's recipient comes from --recipient or DIR/encryption.pub. This laptop's key is device-signing.key beside the database (KHAOSAT_DEVICE_KEY_PASSPHRASE or --passphrase wraps a new one).",
    run: batchExportCommand,
  },
  {
    words: ['batch', 'list'],
    usage: 'khaosat batch list [--db FILE] [--json]',
    summary: 'The outgoing ledger: every batch exported, by sequence, with file name, size and SHA-256; and how many approved interviews wait.',
    run: batchListCommand,
  },
  {
    words: ['batch', 'reexport'],
    usage: 'khaosat batch reexport --seq N --out DIR [--db FILE] [--json]',
    summary: 'Write past batch N again from its stored bytes: byte-identical, same name and sequence (an existing different file is left alone).',
    run: batchReexportCommand,
  },
  {
    words: ['import'],
    usage: 'khaosat import <batch files|folders…> --db FILE|postgres://user@host:port/db --keys DIR [--package P.kspkg] [--json]',
    summary:
      "Import batches into the analyst store (SQLite file or PostgreSQL): verify, decrypt with DIR's age key, validate, apply each batch in one transaction. --package registers a form version to check against. Exit 1 when a file was rejected.",
    run: importCommand,
  },
  {
    words: ['report'],
    usage:
      'khaosat report --db FILE|postgres://user@host:port/db [--survey ID] [--by unit|agency|surveyor] [--format table|json|csv|html|pdf] [--out FILE] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--unit-type ward,commune,special_zone] [--province P] [--age CODES] [--sex CODES] [--respondent CODES]',
    summary:
      'Satisfaction indices (percent, 95% intervals) overall and per Unit (or agency, or surveyor: --by) from the analyst store: completed interviews at their latest non-conflicting revision; conflicts left out and counted. Filters select respondents; --format html|pdf --out FILE writes the printable A4 report of the Units (pdf through headless Chromium).',
    run: reportCommand,
  },
  {
    words: ['export'],
    usage: 'khaosat export --db FILE|postgres://user@host:port/db --format csv|xlsx|spss|stata --out DIR [--survey ID] [--bom] [--json]',
    summary:
      'Data files of the counted interviews (latest non-conflicting revision, every outcome as a column) from the analyst store, with the form registered by import --package: codes, value and variable labels, skipped / unanswered / missing codes apart, and a codebook.',
    run: exportCommand,
  },
  {
    words: ['simulate'],
    usage: 'khaosat simulate --package P.kspkg --laptops N --interviews M --out DIR [--seed S] [--units K] [--json]',
    summary:
      'Simulate fieldwork through the real laptop code path: N fresh laptop databases install the package, interview M respondents each (a seeded mix of users, non-users, refusals, ineligible, don\'t-knows), approve, and export one batch each into DIR. Same seed, same answers.',
    run: simulateCommand,
  },
  {
    words: ['demo'],
    usage: 'khaosat demo [--dir D] [--seed S] [--laptops N] [--interviews M] [--units K]',
    summary:
      'The whole pipe headless: keys, a survey package of the built-in HIDS instrument, simulate (default 4 laptops × 504 interviews over all 168 Units, about 12 a Unit), import, and the index table of every Unit. Without --dir a temporary folder, removed; with --dir it leaves D/keys, D/batches, D/analyst.sqlite.',
    run: demoCommand,
  },
  {
    words: ['package', 'create'],
    usage: 'khaosat package create --form F.xlsx --units U.csv [--quotas Q.csv] [--agencies A.csv] --keys DIR --out P.kspkg [--survey ID] [--title T] [--json]',
    summary: "Analyst: compile the form, check the unit frame and quotas (file, line, column), sign with DIR's signing key and name DIR's age recipient for batches; written atomically, never over an existing file. Survey id defaults to the form_id.",
    run: packageCreateCommand,
  },
  {
    words: ['package', 'install'],
    usage: 'khaosat package install P.kspkg [--db FILE] [--json]',
    summary: "Verify a survey package and install it: pins the survey's signer on first install and refuses another; a new form version installs beside the old; units and quotas replace the survey's frame; the same file twice changes nothing.",
    run: packageInstallCommand,
  },
  {
    words: ['doctor'],
    usage: 'khaosat doctor [--db FILE] [--json]',
    summary: 'Read-only health check (never creates or changes a file): integrity, schema version, protective triggers, foreign keys, journal mode, backups. Exit 1 on a failed check or no database.',
    run: doctorCommand,
  },
];
