import type { ArchiveFail, ArchiveLimits } from './safeZip';
import { openZip, readCentralDirectory, readEntry } from './safeZip';

// Our reading of a whole zip, as the differential fuzzer and the layout tests compare it with other
// tools: every file's name and bytes, through exactly the checks bundles and backups use.

export interface ZipReading {
  files: { name: string; data: Buffer }[];
  /** Every entry, folders included. */
  entryCount: number;
}

export async function readWholeZip(
  file: string,
  limits: ArchiveLimits,
  fail: ArchiveFail,
): Promise<ZipReading> {
  const zip = await openZip(file, fail, limits);
  try {
    const entries = await readCentralDirectory(zip, limits, fail);
    const total = { bytes: 0 };
    const files: ZipReading['files'] = [];
    for (const [name, entry] of entries) {
      const chunks: Buffer[] = [];
      await readEntry(zip, name, entry, { limits, total, fail, sink: (chunk) => void chunks.push(chunk) });
      files.push({ name, data: Buffer.concat(chunks) });
    }
    return { files, entryCount: zip.entryCount };
  } finally {
    zip.close();
  }
}
