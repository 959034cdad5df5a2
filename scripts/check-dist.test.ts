import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// `npm run dist` must not build an installer that would carry the 2018 ffmpeg as its only ffmpeg.
// On the build machines ffmpeg-static's download cannot happen, so the check must refuse here.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

describe('scripts/check-dist.mjs', () => {
  it('refuses, saying what to do, where ffmpeg-static or the Electron runtime is missing', () => {
    const run = spawnSync(process.execPath, [path.join(root, 'scripts/check-dist.mjs')], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/kotae dist: ffmpeg-static (is not installed|has no binary)/);
    expect(run.stderr).toMatch(/no installer was built/);
  });
});
