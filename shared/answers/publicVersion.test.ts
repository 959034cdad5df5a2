import { describe, expect, it } from 'vitest';
import { documentOf, paragraph, plainText, resolution, step, type DocNode } from './document';
import {
  BlockStateSchema,
  CUSTOMER_ONLY_STATE,
  PUBLIC_TITLE_STATE,
  ROLE_STATE,
  RootStateSchema,
  looksLikeClosing,
  looksLikeGreeting,
  publicDocument,
  publicTitleOf,
} from './publicVersion';

const withState = <T extends DocNode>(node: T, state: Record<string, unknown>): T => ({ ...node, $: state });

describe('the public version of an answer', () => {
  const answer = documentOf([
    withState(paragraph('Dear John,'), { [ROLE_STATE]: 'greeting' }),
    paragraph('Open Settings and press Save.'),
    withState(paragraph('We checked this on your school site for you.'), { [CUSTOMER_ONLY_STATE]: true }),
    step('Press Save.', 'The tag shows as Active.'),
    resolution(
      {
        cause: 'A how-to question.',
        done: 'We sent the steps.',
        remains: 'John still has to add the tag to the course pages.',
        resolved: 'Yes.',
        prevention: 'Keep the ID in your notes.',
      },
      true,
    ),
    withState(paragraph('Best regards,'), { [ROLE_STATE]: 'closing' }),
  ]);

  it('leaves out the greeting, the closing, blocks for this customer only and what remains', () => {
    const text = plainText(publicDocument(answer));
    expect(text).toContain('Open Settings and press Save.');
    expect(text).toContain('The tag shows as Active.');
    expect(text).toContain('Keep the ID in your notes.');
    for (const gone of ['Dear John', 'your school site', 'John still has to', 'Best regards'])
      expect(text).not.toContain(gone);
    // The original is untouched.
    expect(plainText(answer)).toContain('Dear John');
  });

  it('recognises greetings and closings typed by hand at the start and the end', () => {
    const typed = documentOf([
      paragraph('田中 様'),
      paragraph('お問い合わせいただきありがとうございます。'),
      paragraph('手順は次のとおりです。'),
      paragraph('ご不明な点がありましたら、このメールにご返信ください。'),
      paragraph('よろしくお願いいたします。'),
    ]);
    expect(plainText(publicDocument(typed))).toBe('手順は次のとおりです。');
    expect(looksLikeGreeting(paragraph('Thanks for your patience, John.'))).toBe(true);
    expect(looksLikeGreeting(paragraph('Hi Ann!'))).toBe(true);
    expect(looksLikeClosing(paragraph('If anything is unclear, just reply to this e-mail.'))).toBe(true);
  });

  it('keeps content that only looks like a greeting somewhere else, or is long', () => {
    const doc = documentOf([
      paragraph('Highlights appear in yellow.'),
      paragraph('Dear readers often ask this.'.repeat(20)),
      paragraph('田中様のサイトでは、この設定で表示されました。'),
    ]);
    expect(publicDocument(doc).root.children).toHaveLength(3);
    expect(looksLikeGreeting(paragraph('田中様のサイトでは'))).toBe(false);
    expect(looksLikeClosing(paragraph('Regarding the domain, open Settings.'))).toBe(false);
  });

  it('describes its node state for the document schema', () => {
    expect(BlockStateSchema.safeParse({ [CUSTOMER_ONLY_STATE]: true }).success).toBe(true);
    expect(BlockStateSchema.safeParse({ [ROLE_STATE]: 'signature' }).success).toBe(false);
    expect(RootStateSchema.safeParse({ [PUBLIC_TITLE_STATE]: 'x'.repeat(301) }).success).toBe(false);
  });

  it('has a public title when the vendor gave one', () => {
    const doc = documentOf([paragraph('x')]);
    expect(publicTitleOf(doc, 'Mr Miller cannot see his pictures')).toBe('Mr Miller cannot see his pictures');
    const titled = { root: { ...doc.root, $: { [PUBLIC_TITLE_STATE]: 'Pictures missing on phones' } } };
    expect(publicTitleOf(titled, 'Mr Miller cannot see his pictures')).toBe('Pictures missing on phones');
  });
});
