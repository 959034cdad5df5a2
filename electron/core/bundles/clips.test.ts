import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLibrary, seedDemo } from '../library';
import { useTempDir } from '../testing/tempDir';
import { parseWebVtt, readBundleClip } from './clips';
import { makeTestVideo, storeMedia } from './testing';

const tempDir = useTempDir('kotae-clips-');

describe('readBundleClip', () => {
  it('reads a rendered clip with chapters (startS or timeS) and WebVTT or cue captions', async () => {
    const dir = tempDir();
    const library = createLibrary(path.join(dir, 'lib'), { seed: seedDemo });
    const file = path.join(dir, 'v.mp4');
    makeTestVideo(file, 2);
    const asset = await storeMedia(library, file, {
      kind: 'video',
      mime: 'video/mp4',
      ext: 'mp4',
      durationS: 2,
    });
    const insert = library.db.prepare(
      `INSERT INTO clips (asset_id, title, chapters, captions, output_asset_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, '2026-01-01', '2026-01-01')`,
    );
    const a = Number(
      insert.run(
        asset.id,
        'A',
        JSON.stringify([
          { title: 'Second', timeS: 1.5, stepId: 's2' },
          { title: 'First', startS: 0 },
          { nonsense: true },
        ]),
        JSON.stringify([
          { startS: 0, endS: 1, text: 'Hello' },
          { start: 1, end: 2, text: 'World' },
          { text: 'no time' },
        ]),
        asset.id,
      ).lastInsertRowid,
    );
    const clip = readBundleClip(library.db, a)!;
    expect(clip.chapters).toEqual([
      { title: 'First', startS: 0, stepId: null },
      { title: 'Second', startS: 1.5, stepId: 's2' },
    ]);
    expect(clip.captions).toEqual([
      { startS: 0, endS: 1, text: 'Hello' },
      { startS: 1, endS: 2, text: 'World' },
    ]);
    expect(clip.output).toMatchObject({ sha256: asset.sha256, ext: 'mp4', mime: 'video/mp4', durationS: 2 });

    const b = Number(
      insert.run(asset.id, 'B', '[]', JSON.stringify({ vtt: 'WEBVTT\n\n00:01.000 --> 00:02.500\nHi' }), null)
        .lastInsertRowid,
    );
    const unrendered = readBundleClip(library.db, b)!;
    expect(unrendered.output).toBeNull();
    expect(unrendered.captions).toEqual([{ startS: 1, endS: 2.5, text: 'Hi' }]);
    expect(readBundleClip(library.db, 9999)).toBeNull();
    library.close();
  });
});

describe('parseWebVtt', () => {
  it('reads cues with hours, settings, identifiers and multi-line text; skips notes and bad timings', () => {
    const vtt = [
      'WEBVTT - title',
      '',
      'NOTE this is a note',
      '',
      'intro',
      '00:00:01.000 --> 00:00:02.250 align:start',
      'Line one',
      'Line two',
      '',
      '01:02:03.5 --> 01:02:04.000',
      'Late',
      '',
      'xx --> yy',
      'broken',
    ].join('\r\n');
    expect(parseWebVtt(vtt)).toEqual([
      { startS: 1, endS: 2.25, text: 'Line one\nLine two' },
      { startS: 3723.5, endS: 3724, text: 'Late' },
    ]);
  });
});
