// Run by `npm run dist` before electron-builder: an installer must carry what the app needs and
// what the tests test. It refuses to go on (exit 1, saying what to do) when
//   - ffmpeg-static has no binary for this platform (its download at `npm install` needs the
//     internet; without it the installer would fall back to the 2018 ffmpeg 4.1, whose lossless and
//     smart cuts become full re-encodes), or that binary is older than 6.0 or lacks libx264/aac;
//   - the Electron runtime is not installed (`npx install-electron`).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const problems = [];

let ffmpeg = null;
try {
  ffmpeg = require('ffmpeg-static');
} catch {
  problems.push('ffmpeg-static is not installed: run `npm install` on a machine with internet access');
}
if (ffmpeg && !existsSync(ffmpeg)) {
  problems.push(
    `ffmpeg-static has no binary at ${ffmpeg}: its download failed; run \`npm rebuild ffmpeg-static\` with internet access`,
  );
} else if (ffmpeg) {
  try {
    const version = execFileSync(ffmpeg, ['-hide_banner', '-version'], { encoding: 'utf8' });
    const major = Number(/libavformat\s+(\d+)\./.exec(version)?.[1] ?? 0);
    if (major < 60)
      problems.push(`ffmpeg-static's ffmpeg is too old (libavformat ${major}; 6.0 or newer is needed)`);
    const encoders = execFileSync(ffmpeg, ['-hide_banner', '-encoders'], { encoding: 'utf8' });
    for (const needed of ['libx264', 'aac'])
      if (!new RegExp(`\\s${needed}\\s`).test(encoders))
        problems.push(`ffmpeg-static's ffmpeg has no ${needed} encoder`);
  } catch (err) {
    problems.push(`ffmpeg-static's ffmpeg does not run: ${String(err?.message ?? err).split('\n')[0]}`);
  }
}

const electronDir = path.dirname(require.resolve('electron/package.json'));
if (!existsSync(path.join(electronDir, 'path.txt'))) {
  problems.push('the Electron runtime is not installed: run `npx install-electron`');
}

if (problems.length) {
  for (const p of problems) console.error(`kotae dist: ${p}`);
  console.error('kotae dist: no installer was built.');
  process.exit(1);
}
console.log(`kotae dist: ffmpeg ${ffmpeg} and the Electron runtime are in place.`);
