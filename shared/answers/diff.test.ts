import { describe, expect, it } from 'vitest';
import { documentOf, paragraph, resolution, step } from './document';
import { diffDocuments, diffText, documentLines } from './diff';

const summary = (cause: string) =>
  resolution({ cause, done: 'd', remains: 'r', resolved: 'y', prevention: 'p' }, true);

describe('documentLines', () => {
  it('labels steps by number and the summary by field', () => {
    const lines = documentLines(documentOf([paragraph('Hi'), step('Open', 'Opens'), summary('c')]));
    expect(lines.slice(0, 3)).toEqual([
      { kind: 'paragraph', text: 'Hi' },
      { kind: 'step-action', n: 1, text: 'Open' },
      { kind: 'step-expected', n: 1, text: 'Opens' },
    ]);
    expect(lines[3]).toEqual({ kind: 'resolution', field: 'cause', text: 'c' });
  });
});

describe('diffText', () => {
  it('shows English changes word by word', () => {
    expect(diffText('Press the Save button', 'Press the Publish button')).toEqual([
      { op: 'same', text: 'Press the ' },
      { op: 'removed', text: 'Save' },
      { op: 'added', text: 'Publish' },
      { op: 'same', text: ' button' },
    ]);
  });

  it('shows Japanese changes character by character', () => {
    expect(diffText('設定を開きます', '管理画面を開きます')).toEqual([
      { op: 'removed', text: '設定' },
      { op: 'added', text: '管理画面' },
      { op: 'same', text: 'を開きます' },
    ]);
  });
});

describe('diffDocuments', () => {
  it('finds an edited step result, an added paragraph and a removed step', () => {
    const before = documentOf([step('Open', 'It opens'), step('Close', 'It closes'), summary('c')]);
    const after = documentOf([paragraph('New intro'), step('Open', 'The page opens'), summary('c')]);
    const rows = diffDocuments(before, after).filter((r) => r.op !== 'same');
    expect(rows.map((r) => [r.op, r.line.kind, r.line.text])).toEqual([
      ['added', 'paragraph', 'New intro'],
      ['changed', 'step-expected', 'The page opens'],
      ['removed', 'step-action', 'Close'],
      ['removed', 'step-expected', 'It closes'],
    ]);
    const changed = rows[1]!;
    expect(changed.op === 'changed' && changed.before.text).toBe('It opens');
  });

  it('reports nothing for identical documents', () => {
    const doc = documentOf([step('Open', 'It opens'), summary('c')]);
    expect(diffDocuments(doc, doc).every((r) => r.op === 'same')).toBe(true);
  });
});

describe('diffText readability', () => {
  it('folds a character or two left in common inside a change into the change', () => {
    expect(diffText('ことがあります。', 'ことがあり追記しました。ます。')).toEqual([
      { op: 'same', text: 'ことがあり' },
      { op: 'added', text: '追記しました。' },
      { op: 'same', text: 'ます。' },
    ]);
    expect(diffText('画面を開きます', '設定画面を閉じます')).toEqual([
      { op: 'added', text: '設定' },
      { op: 'same', text: '画面を' },
      { op: 'removed', text: '開き' },
      { op: 'added', text: '閉じ' },
      { op: 'same', text: 'ます' },
    ]);
  });
});
