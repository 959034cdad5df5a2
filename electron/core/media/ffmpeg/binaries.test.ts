import { chmodSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../testing/tempDir';
import { describeTools, findOnPath, parseAvformatMajor, resolveTools, unpackedPath } from './binaries';

const tempDir = useTempDir('kotae-bin-');

/** A stand-in executable that answers -version like an ffmpeg of the given libavformat major. */
function fakeTool(dir: string, name: string, avformat: number, encoders = 'V..... libx264 x\n A..... aac x\n'): string {
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
    expect(unpackedPath('/opt/Kotae/resources/app.asar/node_modules/@ffmpeg-installer/linux-x64/ffmpeg')).toBe(
      '/opt/Kotae/resources/app.asar.unpacked/node_modules/@ffmpeg-installer/linux-x64/ffmpeg',
    );
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

  it('passes over binaries that are too old or lack an encoder, saying why', async () => {
    const dir = tempDir();
    const old = fakeTool(dir, 'old-ffmpeg', 58);
    const noX264 = fakeTool(dir, 'plain-ffmpeg', 60, ' A..... aac x\\n');
    const info = await describeTools({ ffmpegPath: old, env: { ...process.env, KOTAE_FFMPEG: noX264 } });
    expect(info.rejected).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: old, source: 'setting', reason: expect.stringContaining('too old') }),
        expect.objectContaining({ path: noX264, source: 'env', reason: 'has no libx264 encoder' }),
      ]),
    );
    // The npm-bundled ffmpeg is a 2018 build: rejected for a lossless cut that would not start
    // where we say; Debian's ffmpeg on PATH is used instead.
    expect(info.rejected).toEqual(
      expect.arrayContaining([expect.objectContaining({ source: 'bundled', reason: expect.stringContaining('too old') })]),
    );
    expect(info.ffmpeg).toMatchObject({ source: 'path', path: findOnPath('ffmpeg') });
  });

  it('says what was tried when nothing usable is found', async () => {
    const dir = tempDir();
    const old = fakeTool(dir, 'ffmpeg', 58);
    const err = await resolveTools({ env: { PATH: dir, KOTAE_FFMPEG: old } }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'FFMPEG_MISSING' });
  });
});
