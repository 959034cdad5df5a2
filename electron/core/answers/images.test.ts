import { describe, expect, it } from 'vitest';
import { makePng, useTempDir } from '../testing';
import { imageInfo, storeImage } from './index';
import { openTestLibrary } from './testLibrary';

const tempDir = useTempDir();
const open = (demo = true) => openTestLibrary(tempDir(), demo);

describe('screenshots', () => {
  it('recognises PNG by its signature and reads its size', () => {
    expect(imageInfo(makePng(40, 30))).toEqual({ mime: 'image/png', ext: 'png', width: 40, height: 30 });
    expect(imageInfo(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
  });

  it('stores a pasted image once, content-addressed, with a media asset row', async () => {
    const { library } = open(false);
    const png = makePng(64, 48, 3);
    const first = await storeImage(library, 'shot.png', png.toString('base64'));
    const again = await storeImage(library, 'other-name.png', png.toString('base64'));
    expect(again.sha256).toBe(first.sha256);
    expect(first).toMatchObject({ ext: 'png', width: 64, height: 48, size: png.length });
    expect(library.media.fileOf({ sha256: first.sha256, ext: 'png' })).not.toBeNull();
    const rows = library.db.prepare('SELECT original_name, kind FROM media_assets').all();
    expect(rows).toEqual([{ original_name: 'shot.png', kind: 'image' }]);
    library.close();
  });

  it('refuses bytes that are not an image and stores nothing', async () => {
    const { library } = open(false);
    await expect(
      storeImage(library, 'x.png', Buffer.from('not an image').toString('base64')),
    ).rejects.toMatchObject({
      code: 'MEDIA_INVALID',
    });
    expect(library.db.prepare('SELECT count(*) AS n FROM media_assets').get()).toEqual({ n: 0 });
    library.close();
  });
});
