import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../core/testing';
import { mailFilesToImport } from './openedFiles';

const tempDir = useTempDir('kotae-opened-');

describe('mail files handed to the app by the OS', () => {
  it('keeps existing .eml/.mbox files (relative to the caller’s folder), nothing else', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'question.eml'), 'From: a@b\n\nhi');
    writeFileSync(path.join(dir, 'Archive.MBOX'), 'From a@b Mon Nov 23 09:00:00 2026\n');
    writeFileSync(path.join(dir, 'notes.txt'), 'x');
    mkdirSync(path.join(dir, 'folder.eml'));
    const args = [
      '/opt/Kotae Studio/kotae-studio',
      '--no-sandbox',
      '--flag=x.eml',
      'question.eml',
      path.join(dir, 'Archive.MBOX'),
      'notes.txt',
      'missing.eml',
      'folder.eml',
      'question.eml',
    ];
    expect(mailFilesToImport(args, dir)).toEqual([
      path.join(dir, 'question.eml'),
      path.join(dir, 'Archive.MBOX'),
    ]);
  });
});
