import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../testing';
import { draftMessage } from '../tracking';
import { createLibrary, seedDemoIn } from './index';

const tempDir = useTempDir();

describe('the demo library per UI language (issue 18)', () => {
  it('an English demo has English customers, requests and answers, and English drafts', () => {
    const library = createLibrary(path.join(tempDir(), 'en'), { seed: seedDemoIn('en') });
    const languages = library.db.prepare('SELECT DISTINCT language FROM customers').pluck().all();
    expect(languages).toEqual(['en']);
    expect(library.db.prepare('SELECT DISTINCT language FROM answers').pluck().all()).toEqual(['en']);
    const subjects = library.db.prepare('SELECT subject FROM questions').pluck().all() as string[];
    expect(subjects).toContain('Going back to how the site was last week');
    for (const s of subjects) expect(s).not.toMatch(/[ぁ-んァ-ン一-龯]/);
    expect(library.db.prepare('SELECT name FROM products').pluck().get()).toBe('Sirius Site Builder');
    const id = library.db
      .prepare("SELECT id FROM questions WHERE subject LIKE 'Could you move%'")
      .pluck()
      .get() as number;
    const decline = draftMessage(library, { questionId: id, purpose: 'decline' });
    expect(decline.body.startsWith('Dear Lucy Turner,\n\n')).toBe(true);
    expect(decline.body).toContain('- Editing pages');
    library.close();
  });
});
