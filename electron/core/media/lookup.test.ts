import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLibrary } from '../library';
import { useTempDir } from '../testing';
import { resolveMediaRequest } from './lookup';

// kotae-media://media/<sha256> serves the open library's media files and nothing else.

const tempDir = useTempDir('kotae-lookup-');

function libraryWith(files: { sha: string; ext: string; content?: string; linkTo?: string }[]) {
  const dir = tempDir();
  const library = createLibrary(path.join(dir, 'lib'));
  writeFileSync(path.join(dir, 'secret.txt'), 'secret');
  for (const f of files) {
    // Where the store keeps a file (media/ab/ab…ef.mp4), written here by hand to plant links.
    const file = path.join(library.media.dir, f.sha.slice(0, 2), `${f.sha}.${f.ext}`);
    mkdirSync(path.dirname(file), { recursive: true });
    if (f.linkTo) symlinkSync(f.linkTo === 'secret' ? path.join(dir, 'secret.txt') : f.linkTo, file);
    else writeFileSync(file, f.content ?? 'video');
    library.db
      .prepare(
        "INSERT INTO media_assets (sha256, kind, original_name, mime, ext, size, created_at) VALUES (?, 'video', 'v.mp4', 'video/mp4', ?, 5, '2026-01-01')",
      )
      .run(f.sha, f.ext);
  }
  return { dir, library };
}

describe('resolveMediaRequest', () => {
  const good = 'a'.repeat(64);
  const linked = 'b'.repeat(64);

  it('serves a stored file by its sha256', () => {
    const { library } = libraryWith([{ sha: good, ext: 'mp4' }]);
    expect(resolveMediaRequest(library, `/${good}`)).toMatchObject({ mime: 'video/mp4' });
    library.close();
  });

  it('refuses a symlink in the media folder that points out of it', () => {
    const { library } = libraryWith([{ sha: linked, ext: 'mp4', linkTo: 'secret' }]);
    expect(resolveMediaRequest(library, `/${linked}`)).toBeNull();
    library.close();
  });

  it('refuses traversal, encoded dots, backslashes, absolute paths and unknown hashes', () => {
    const { dir, library } = libraryWith([{ sha: good, ext: 'mp4' }]);
    for (const urlPath of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E%2Fsecret.txt',
      `/${good}/../../secret.txt`,
      `/${good}%2f..%2f..%2fsecret.txt`,
      '/..\\..\\secret.txt',
      `/${good}\\..`,
      path.join(dir, 'secret.txt'),
      '//etc/passwd',
      `/${'c'.repeat(64)}`,
      `/${good.toUpperCase()}`,
      `/${good}.mp4`,
    ]) {
      expect(resolveMediaRequest(library, urlPath), urlPath).toBeNull();
    }
    library.close();
  });
});
