// Process entry of `khaosat` (bundled to dist/electron/cli.cjs, started by bin/khaosat.cjs).
import { runCli } from './main';
import type { CliIo } from './io';
import { readSecretFromStdin } from './secret-input';

const io: CliIo = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  readSecret: readSecretFromStdin,
  env: process.env,
  cwd: process.cwd(),
};

runCli(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`khaosat: ${(error as Error)?.message ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
