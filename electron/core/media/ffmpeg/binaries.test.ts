import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../testing';
import { describeTools, findOnPath, parseAvformatMajor, resolveTools, unpackedPath } from './binaries';

const tempDir = useTempDir('kotae-bin-');

/** A stand-in executable that answers -version like an ffmpeg of the given libavformat major. */
function fakeTool(
  dir: string,
  name: string,
  avformat: number,
  encoders = 'V..... libx264 x\n A..... aac x\n',
): string {
  const file = path.join(dir, name);
  writeFileSync(
    file,
    `#!/bin/sh\nif [ "$2" = "-encoders" ]; then printf '${encoders}'; else echo "ffmpeg version fake-${avformat} Copyright"; echo "libavformat    ${avformat}.  1.100 / ${avformat}.  1.100"; fi\n`,
  );
  chmodSync(file, 0o755);
  return file;
}

describe('finding ffmpeg', () => {
  it('reads the libavformat major version', () => {
    expect(parseAvformatMajor('libavformat    59. 27.100 / 59. 27.100')).toBe(59);
    expect(parseAvformatMajor('nothing')).toBeNull();
  });

  it('runs binaries from app.asar.unpacked in a packaged app', () => {
    expect(
      unpackedPath('/opt/Kotae/resources/app.asar/node_modules/@ffmpeg-installer/linux-x64/ffmpeg'),
    ).toBe('/opt/Kotae/resources/app.asar.unpacked/node_modules/@ffmpeg-installer/linux-x64/ffmpeg');
    expect(unpackedPath('/usr/bin/ffmpeg')).toBe('/usr/bin/ffmpeg');
  });

  it('prefers the app setting, then KOTAE_FFMPEG, then the bundled build, then PATH', async () => {
    const dir = tempDir();
    const setting = fakeTool(dir, 'setting-ffmpeg', 61);
    const env = fakeTool(dir, 'env-ffmpeg', 60);
    const probe = fakeTool(dir, 'env-ffprobe', 60);
    const base = { ...process.env, KOTAE_FFMPEG: env, KOTAE_FFPROBE: probe };
    let tools = await resolveTools({ ffmpegPath: setting, env: base });
    expect(tools.ffmpeg).toMatchObject({ path: setting, source: 'setting' });
    expect(tools.ffprobe).toMatchObject({ path: probe, source: 'env' });
    tools = await resolveTools({ env: base });
    expect(tools.ffmpeg).toMatchObject({ path: env, source: 'env' });
  });

  it('keeps an old ffmpeg named by the setting or KOTAE_FFMPEG, with reduced capability', async () => {
    const dir = tempDir();
    const old = fakeTool(dir, 'old-ffmpeg', 58);
    const newer = fakeTool(dir, 'new-ffmpeg', 61);
    // The user's choice wins even though a newer one comes later in the order.
    let info = await describeTools({ ffmpegPath: old, env: { ...process.env, KOTAE_FFMPEG: newer } });
    expect(info.ffmpeg).toMatchObject({ path: old, source: 'setting', exactCopyCuts: false });
    info = await describeTools({ env: { ...process.env, KOTAE_FFMPEG: old } });
    expect(info.ffmpeg).toMatchObject({ path: old, source: 'env', exactCopyCuts: false });
    const tools = await resolveTools({ env: { ...process.env, KOTAE_FFMPEG: newer } });
    expect(tools.ffmpeg).toMatchObject({ path: newer, exactCopyCuts: true, avformatMajor: 61 });
  });

  it('prefers a 5.0+ on PATH over the old bundled build, and says why the bundled one was passed over', async () => {
    const dir = tempDir();
    const bundled = fakeTool(dir, 'bundled-ffmpeg', 58);
    const pathDir = path.join(dir, 'bin');
    mkdirSync(pathDir);
    const onPath = fakeTool(pathDir, 'ffmpeg', 59);
    const info = await describeTools({ bundled: { ffmpeg: bundled }, env: { PATH: pathDir } });
    expect(info.ffmpeg).toMatchObject({ path: onPath, source: 'path', exactCopyCuts: true });
    expect(info.rejected).toContainEqual({
      path: bundled,
      source: 'bundled',
      reason: expect.stringMatching(/too old.*a newer one is used/),
    });
  });

  it('uses the old bundled build rather than nothing, when nothing newer is found', async () => {
    const dir = tempDir();
    const bundled = fakeTool(dir, 'bundled-ffmpeg', 58);
    const pathDir = path.join(dir, 'bin');
    mkdirSync(pathDir);
    const oldOnPath = fakeTool(pathDir, 'ffmpeg', 57);
    const tools = await resolveTools({
      bundled: { ffmpeg: bundled },
      env: { PATH: pathDir, KOTAE_FFPROBE: fakeTool(dir, 'ffprobe', 60) },
    });
    expect(tools.ffmpeg).toMatchObject({
      path: bundled,
      source: 'bundled',
      exactCopyCuts: false,
      avformatMajor: 58,
    });
    const info = await describeTools({ bundled: { ffmpeg: bundled }, env: { PATH: pathDir } });
    expect(info.rejected).toContainEqual({
      path: oldOnPath,
      source: 'path',
      reason: expect.stringContaining('too old'),
    });
  });

  it('passes over binaries that lack an encoder or an ffprobe that is too old, saying why', async () => {
    const dir = tempDir();
    const noX264 = fakeTool(dir, 'plain-ffmpeg', 60, ' A..... aac x\\n');
    const oldProbe = fakeTool(dir, 'old-ffprobe', 58);
    const info = await describeTools({
      ffprobePath: oldProbe,
      env: { ...process.env, KOTAE_FFMPEG: noX264 },
    });
    expect(info.rejected).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: noX264, source: 'env', reason: 'has no libx264 encoder' }),
        expect.objectContaining({
          path: oldProbe,
          source: 'setting',
          reason: expect.stringContaining('too old'),
        }),
      ]),
    );
    // The npm-bundled ffmpeg is a 2018 build: passed over, since Debian's ffmpeg 5.1 is on PATH.
    expect(info.rejected).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          source: 'bundled',
          reason: expect.stringContaining('a newer one is used'),
        }),
      ]),
    );
    expect(info.ffmpeg).toMatchObject({ source: 'path', path: findOnPath('ffmpeg'), exactCopyCuts: true });
  });

  it('says what was tried when nothing usable is found', async () => {
    const dir = tempDir();
    const broken = path.join(dir, 'ffmpeg');
    writeFileSync(broken, '#!/bin/sh\nexit 1\n');
    chmodSync(broken, 0o755);
    const err = await resolveTools({
      bundled: { ffmpeg: null },
      env: { PATH: dir, KOTAE_FFMPEG: fakeTool(dir, 'no-x264', 60, ' A..... aac x\\n') },
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'FFMPEG_MISSING', params: { tool: 'ffmpeg' } });
  });

  it('checks a binary again after it failed to answer (a busy moment), and keeps no stale verdict', async () => {
    const dir = tempDir();
    const flaky = path.join(dir, 'flaky-ffmpeg');
    const ready = path.join(dir, 'ready');
    // Lists no encoders until `ready` exists: as a check whose -encoders run timed out.
    writeFileSync(
      flaky,
      `#!/bin/sh\nif [ "$2" = "-encoders" ]; then [ -e '${ready}' ] || exit 1; printf ' V..... libx264 x\\n A..... aac x\\n'; else echo "ffmpeg version fake-61 Copyright"; echo "libavformat    61.  1.100 / 61.  1.100"; fi\n`,
    );
    chmodSync(flaky, 0o755);
    let info = await describeTools({ ffmpegPath: flaky });
    expect(info.ffmpeg?.path).not.toBe(flaky);
    expect(info.rejected).toContainEqual(
      expect.objectContaining({ path: flaky, reason: expect.stringMatching(/^does not list its encoders/) }),
    );
    writeFileSync(ready, '');
    info = await describeTools({ ffmpegPath: flaky });
    expect(info.ffmpeg).toMatchObject({ path: flaky, source: 'setting' });
  });
});
