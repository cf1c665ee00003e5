// Starts the built preview host as a child process (as `npm run preview` would) and reads the
// machine-readable line it prints: URL, port and the run's token.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface } from 'node:readline';

export const PREVIEW_BUNDLE = path.resolve('dist/electron/preview.cjs');

export interface RunningPreview {
  url: string;
  port: number;
  token: string;
  process: ChildProcess;
  stop: () => Promise<void>;
}

/** `env` is added to this process's environment (e.g. KHAOSAT_ANALYST_RECIPIENT for batch export). */
export async function startPreview(args: string[], env: NodeJS.ProcessEnv = {}): Promise<RunningPreview> {
  const child = spawn(process.execPath, [PREVIEW_BUNDLE, '--port', '0', '--json', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const lines = createInterface({ input: child.stdout! });
  const info = await new Promise<{ url: string; port: number; token: string }>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`preview exited with ${code}: ${stderr}`)));
    lines.on('line', (line) => {
      if (line.startsWith('{')) resolve(JSON.parse(line) as { url: string; port: number; token: string });
    });
  });
  return {
    ...info,
    process: child,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}
