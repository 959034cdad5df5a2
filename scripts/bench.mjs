// npm run bench -- <name> [args…]: runs bench/<name>.bench.ts under Node (tsx).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [name, ...rest] = process.argv.slice(2);
const available = readdirSync(path.join(root, 'bench'))
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace(/\.bench\.ts$/, ''));
if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench -- <name>\navailable: ${available.join(', ')}`);
  process.exit(1);
}
const file = path.join(root, 'bench', `${name}.bench.ts`);
if (!existsSync(file)) process.exit(1);
const res = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', file, ...rest], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(res.status ?? 1);
