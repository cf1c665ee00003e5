// Child process for the SIGKILL test: writes numbered files atomically, forever, and reports
// each one once it is in place. The parent kills it at a random moment.
import { writeFileAtomic } from '../../../electron/sync/atomic-write';

const [dir, sizeText] = process.argv.slice(2);
const size = Number(sizeText);
for (let i = 0; ; i++) {
  const content = Buffer.alloc(size, i % 251);
  await writeFileAtomic(`${dir}/file-${i}.bin`, content, { mode: 0o600 });
  process.stdout.write(`${i}\n`);
}
