import { realpathSync } from 'node:fs';
import path from 'node:path';

/**
 * The real path of `candidate` if it lies inside `root` after resolving symlinks on both, else null.
 * The containment check under MediaStore.locate (library media) and the app:// protocol (renderer).
 * Checked with path.relative on real paths, never with a string prefix: `/lib/media-evil` starts
 * with `/lib/media` but is not inside it, and a symlink inside the folder may point anywhere.
 */
export function confinedRealPath(root: string, candidate: string): string | null {
  let realRoot: string;
  let real: string;
  try {
    realRoot = realpathSync(root);
    real = realpathSync(candidate);
  } catch {
    return null;
  }
  const rel = path.relative(realRoot, real);
  // `..` or `../x` leave the folder; `..x` is an ordinary name inside it.
  if (rel === '' || rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) return null;
  return real;
}
