import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLibrary, seedDemo } from '../library';
import { addClipToAnswer } from '../faq/testing';
import { useTempDir } from '../testing/tempDir';
import { clipChoices } from './clips';

const tempDir = useTempDir('kotae-clip-choices-');

describe('clipChoices', () => {
  it('gives each chapter the time the customer sees (after the cuts) beside the recording time', () => {
    const library = createLibrary(path.join(tempDir(), 'lib'), { seed: seedDemo });
    const { id } = library.db.prepare('SELECT id FROM answers ORDER BY id LIMIT 1').get() as { id: number };
    // Kept 0.5–4.5 s of the recording; chapters at 0.5, 1.7 and 2.9 s of it.
    const clip = addClipToAnswer(library.db, library.media.dir, id);
    const choice = clipChoices(library).find((c) => c.id === clip.clipId)!;
    expect(choice.chapters.map((c) => [c.timeS, Number(c.outputS.toFixed(3))])).toEqual([
      [0.5, 0],
      [1.7, 1.2],
      [2.9, 2.4],
    ]);
    library.close();
  });
});
