import { describe, expect, it } from 'vitest';
import { useTempDir } from '../testing';
import { deleteTemplate, listTemplates, saveTemplate } from './index';
import { openTestLibrary } from './testLibrary';

const tempDir = useTempDir();
const open = (demo = true) => openTestLibrary(tempDir(), demo);

describe('templates', () => {
  it('lists the demo greetings and closings, saves and deletes a snippet', () => {
    const { library } = open();
    const before = listTemplates(library);
    expect(
      before
        .filter((t) => t.kind === 'greeting')
        .map((t) => t.language)
        .sort(),
    ).toEqual(['en', 'ja']);
    const saved = saveTemplate(library, {
      kind: 'snippet',
      language: 'en',
      name: 'Cache',
      body: 'Reload the page.',
    });
    expect(listTemplates(library)).toHaveLength(before.length + 1);
    expect(saveTemplate(library, { ...saved, name: 'Reload' }).name).toBe('Reload');
    expect(deleteTemplate(library, saved.id)).toEqual({ deleted: true });
    expect(listTemplates(library)).toHaveLength(before.length);
    library.close();
  });
});
