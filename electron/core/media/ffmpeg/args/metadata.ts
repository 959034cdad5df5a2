// ffmpeg's metadata file format (ffmetadata): how chapters get into the MP4. Values escape
// '=', ';', '#', '\' and line breaks with a backslash, or a chapter title could end the section.

export interface ChapterMark {
  title: string;
  startS: number;
  endS: number;
}

export function escapeMetadata(value: string): string {
  return value.replace(/[\\=;#]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\\n');
}

export function ffmetadata(title: string, chapters: readonly ChapterMark[]): string {
  const lines = [';FFMETADATA1', `title=${escapeMetadata(title)}`];
  for (const c of chapters) {
    const start = Math.round(c.startS * 1000);
    const end = Math.max(start + 1, Math.round(c.endS * 1000));
    lines.push(
      '',
      '[CHAPTER]',
      'TIMEBASE=1/1000',
      `START=${start}`,
      `END=${end}`,
      `title=${escapeMetadata(c.title)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
