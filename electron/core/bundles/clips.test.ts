import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../testing';
import { readBundleClip } from './clips';
import { makeBundleFixture } from './testing';

const tempDir = useTempDir('kotae-clips-');

describe('readBundleClip', () => {
  it('reads the rendered file, its chapters in output time and its captions', async () => {
    const dir = tempDir();
    const fixture = await makeBundleFixture(path.join(dir, 'lib'), dir);
    const { library } = fixture;
    const readText = (sha: string, ext: string) => {
      try {
        return readFileSync(library.media.fileOf({ sha256: sha, ext })!, 'utf8');
      } catch {
        return null;
      }
    };
    const clip = readBundleClip(library.db, fixture.clipId, readText)!;
    expect(clip.chapters.map((c) => [c.title, c.startS, c.stepId])).toEqual([
      ['カメラの設定', 0, fixture.stepIds[0]],
      ['画像を差し替える', 2, fixture.stepIds[1]],
      ['アップロード', 4, fixture.stepIds[2]],
    ]);
    expect(clip.captions).toEqual([
      { startS: 0, endS: 2, text: '設定を開きます' },
      { startS: 2, endS: 4, text: '画像を選びます' },
    ]);
    expect(clip.output).toMatchObject({ ext: 'mp4', mime: 'video/mp4', durationS: 6 });

    // A clip whose render record is damaged or missing counts as not rendered.
    library.db.prepare('UPDATE clips SET rendered = \'{"nonsense":true}\' WHERE id = ?').run(fixture.clipId);
    expect(readBundleClip(library.db, fixture.clipId, readText)!.output).toBeNull();
    expect(readBundleClip(library.db, 9999, readText)).toBeNull();
    library.close();
  });
});
