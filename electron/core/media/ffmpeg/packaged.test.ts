import { chmodSync, copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../testing';
import { describeTools, findOnPath, resolveTools } from './binaries';

// A packaged app keeps its code in resources/app.asar, and electron-builder unpacks the ffmpeg and
// ffprobe packages (asarUnpack in electron-builder.yml) into resources/app.asar.unpacked, because
// an executable inside an archive cannot run. The installer packages still report their path
// inside app.asar. Here the layout is built in a temp folder with the real binaries.

const tempDir = useTempDir('kotae-packaged-');
const require = createRequire(import.meta.url);
const installed = {
  ffmpeg: (require('@ffmpeg-installer/ffmpeg') as { path: string }).path,
  ffprobe: (require('@ffprobe-installer/ffprobe') as { path: string }).path,
};

/** resources/app.asar.unpacked/node_modules/<package>/<platform>/<binary>, copied from node_modules. */
function packagedLayout(): {
  asarPaths: Record<'ffmpeg' | 'ffprobe', string>;
  unpacked: Record<string, string>;
} {
  const resources = path.join(tempDir(), 'Kotae Studio', 'resources');
  const asarPaths = { ffmpeg: '', ffprobe: '' };
  const unpacked: Record<string, string> = {};
  for (const tool of ['ffmpeg', 'ffprobe'] as const) {
    const inNodeModules = installed[tool].slice(installed[tool].lastIndexOf(`node_modules${path.sep}`));
    asarPaths[tool] = path.join(resources, 'app.asar', inNodeModules);
    unpacked[tool] = path.join(resources, 'app.asar.unpacked', inNodeModules);
    mkdirSync(path.dirname(unpacked[tool]), { recursive: true });
    copyFileSync(installed[tool], unpacked[tool]);
  }
  return { asarPaths, unpacked };
}

describe('ffmpeg in a packaged app', () => {
  it('runs the bundled current ffmpeg (ffmpeg-static) first, before PATH and the bundled 4.1', async () => {
    // ffmpeg-static downloads its binary at install time, which cannot happen on the build machines:
    // its place in the packaged layout is filled with a real ffmpeg 5+ (Debian's) to check the order.
    const { asarPaths, unpacked } = packagedLayout();
    const system = findOnPath('ffmpeg');
    expect(system, 'Debian ffmpeg (apt-get install ffmpeg) is needed for this test').not.toBeNull();
    const resources = unpacked.ffprobe!.slice(0, unpacked.ffprobe!.indexOf(`${path.sep}app.asar.unpacked`));
    const current = path.join(resources, 'app.asar.unpacked', 'node_modules', 'ffmpeg-static', 'ffmpeg');
    mkdirSync(path.dirname(current), { recursive: true });
    copyFileSync(system!, current);
    chmodSync(current, 0o755);
    const bundled = {
      ...asarPaths,
      ffmpegCurrent: path.join(resources, 'app.asar', 'node_modules', 'ffmpeg-static', 'ffmpeg'),
    };
    const info = await describeTools({ bundled, env: { PATH: path.dirname(system!) } });
    expect(info.ffmpeg).toMatchObject({ source: 'bundled', path: current, exactCopyCuts: true });
    // Where the download did not happen, nothing is tried and nothing is reported for it.
    const missing = await describeTools({
      bundled: { ...bundled, ffmpegCurrent: path.join(resources, 'nothing', 'ffmpeg') },
      env: { PATH: path.dirname(system!) },
    });
    expect(missing.ffmpeg).toMatchObject({ source: 'path', path: system });
    expect(missing.rejected.map((r) => r.path)).not.toContain(path.join(resources, 'nothing', 'ffmpeg'));
  });

  it('runs the bundled ffprobe from app.asar.unpacked', async () => {
    const { asarPaths, unpacked } = packagedLayout();
    const tools = await resolveTools({
      bundled: asarPaths,
      env: { PATH: findOnPath('ffmpeg') ? path.dirname(findOnPath('ffmpeg')!) : '' },
    });
    expect(tools.ffprobe).toMatchObject({ source: 'bundled', path: unpacked.ffprobe });
  });

  it('uses the bundled ffmpeg 4.1 with reduced capability when no ffmpeg 5+ is found, and says so', async () => {
    const { asarPaths, unpacked } = packagedLayout();
    const info = await describeTools({ bundled: asarPaths, env: { PATH: '' } });
    expect(info.ffmpeg).toMatchObject({ source: 'bundled', path: unpacked.ffmpeg, exactCopyCuts: false });
    expect(info.ffprobe).toMatchObject({ source: 'bundled', path: unpacked.ffprobe, exactCopyCuts: true });
    const tools = await resolveTools({ bundled: asarPaths, env: { PATH: '' } });
    expect(tools.ffmpeg.avformatMajor).toBe(58);
  });

  it('prefers an ffmpeg 5+ on PATH over the bundled 4.1, saying why the bundled one was passed over', async () => {
    const { asarPaths, unpacked } = packagedLayout();
    const system = findOnPath('ffmpeg');
    expect(system, 'Debian ffmpeg (apt-get install ffmpeg) is needed for this test').not.toBeNull();
    const info = await describeTools({ bundled: asarPaths, env: { PATH: path.dirname(system!) } });
    expect(info.ffmpeg).toMatchObject({ source: 'path', path: system, exactCopyCuts: true });
    expect(info.rejected).toContainEqual({
      source: 'bundled',
      path: unpacked.ffmpeg,
      reason: expect.stringMatching(/too old.*5\.0.*a newer one is used/),
    });
  });

  it('keeps the bundled 4.1 named by KOTAE_FFMPEG even with a newer one on PATH', async () => {
    const { asarPaths, unpacked } = packagedLayout();
    const system = findOnPath('ffmpeg')!;
    const tools = await resolveTools({
      bundled: asarPaths,
      env: { PATH: path.dirname(system), KOTAE_FFMPEG: unpacked.ffmpeg },
    });
    expect(tools.ffmpeg).toMatchObject({ source: 'env', path: unpacked.ffmpeg, exactCopyCuts: false });
  });

  it('uses an ffmpeg 5+ named by KOTAE_FFMPEG (or on PATH) beside the bundled ffprobe', async () => {
    const { asarPaths, unpacked } = packagedLayout();
    const system = findOnPath('ffmpeg');
    expect(system, 'Debian ffmpeg (apt-get install ffmpeg) is needed for this test').not.toBeNull();
    const viaEnv = await resolveTools({ bundled: asarPaths, env: { PATH: '', KOTAE_FFMPEG: system! } });
    expect(viaEnv.ffmpeg).toMatchObject({ source: 'env', path: system });
    expect(viaEnv.ffprobe).toMatchObject({ source: 'bundled', path: unpacked.ffprobe });
    const viaPath = await resolveTools({ bundled: asarPaths, env: { PATH: path.dirname(system!) } });
    expect(viaPath.ffmpeg).toMatchObject({ source: 'path', path: system });
  });
});
