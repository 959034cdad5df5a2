import { describe, expect, it } from 'vitest';
import { readableTerms, topicTerms } from './topicTerms';

describe('readableTerms', () => {
  it('shows the words the matched bigrams come from, never a fragment', () => {
    const text = 'ページ作成のときに画像を削除するとエラーになります';
    const terms = [...topicTerms(text)];
    expect(terms).toContain('ジ作');
    const shown = readableTerms(text, terms, 10);
    expect(shown).toContain('ページ作成');
    expect(shown).toContain('画像');
    expect(shown).toContain('削除');
    for (const phrase of shown) expect(phrase).not.toBe('ジ作');
  });

  it('keeps Latin words as written and the order of the terms', () => {
    expect(readableTerms('How do I add Google Analytics?', ['analytics', 'google'])).toEqual([
      'Analytics',
      'Google',
    ]);
  });
});
