import { statSync } from 'node:fs';
import path from 'node:path';
import { KotaeError } from '../../../shared/errors';

/**
 * Every file or folder the app writes for the vendor (a bundle, a backup, the FAQ site, a log CSV,
 * a capability export, a rendered clip) goes into a folder the vendor chose. A folder that does not
 * exist (a typo, an unplugged drive) is their mistake to fix, not our crash: say so, before any
 * temp file is started beside the target. We never create it: a typo would scatter folders about.
 */
export function assertOutputFolder(target: string): void {
  const folder = path.dirname(path.resolve(target));
  let isFolder: boolean;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch {
    isFolder = false;
  }
  if (!isFolder) throw new KotaeError('FOLDER_MISSING', { folder }, `no folder at ${folder}`);
}
