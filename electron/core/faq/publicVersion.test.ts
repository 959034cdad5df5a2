import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentOf, paragraph, resolution, step, type DocNode } from '../../../shared/answers/document';
import { CUSTOMER_ONLY_STATE, PUBLIC_TITLE_STATE, ROLE_STATE } from '../../../shared/answers/publicVersion';
import { createLibrary, seedDemo } from '../library';
import { useTempDir } from '../testing';
import { faqOverview, publishFaq } from '.';
import { previewAnswer } from './overview';
import { decideAll, siteFiles } from './testing';

// The FAQ publishes the public version of each answer (issue 16): never the greeting and closing
// addressed to the customer, a block for this customer only, or what remains for whom; under its
// public title; and the privacy scan reads exactly that text, so the private parts need no decision.

const tempDir = useTempDir('kotae-faq-public-');
const withState = <T extends DocNode>(node: T, state: Record<string, unknown>): T => ({ ...node, $: state });

describe('the public version on the site', () => {
  it('leaves out what is for the customer only, scans what remains, and uses the public title', async () => {
    const dir = tempDir();
    const library = createLibrary(path.join(dir, 'lib'), { seed: seedDemo });
    const { id } = library.db.prepare("SELECT id FROM answers WHERE slug = 'add-google-analytics'").get() as {
      id: number;
    };
    const doc = documentOf([
      withState(paragraph('Dear John,'), { [ROLE_STATE]: 'greeting' }),
      paragraph('You can measure visits by adding your measurement ID.'),
      withState(paragraph('John, I checked this on miller-school.example.org for you.'), {
        [CUSTOMER_ONLY_STATE]: true,
      }),
      step('In Sirius, open SEO & Analytics → Analytics tags and paste the ID.', 'The tag shows as Active.'),
      resolution(
        {
          cause: 'A how-to question.',
          done: 'We sent the steps.',
          remains: 'Mr. Miller adds the tag to the course pages himself.',
          resolved: 'Yes.',
          prevention: 'Keep the ID in your notes.',
        },
        true,
      ),
      paragraph('Thanks for your patience, John.'),
    ]);
    const titled = {
      root: { ...doc.root, $: { [PUBLIC_TITLE_STATE]: 'Measuring visits with Google Analytics' } },
    };
    library.db
      .prepare('UPDATE answers SET doc = ?, revision = revision + 1 WHERE id = ?')
      .run(JSON.stringify(titled), id);

    const overview = await faqOverview(library);
    const mine = overview.findings.filter((f) => f.subjectId === id);
    // Only what is published is scanned: the closing line typed by hand is left out too.
    expect(mine).toEqual([]);
    const row = overview.answers.find((a) => a.id === id)!;
    expect(row.title).toBe('Measuring visits with Google Analytics');
    expect(row.ownTitle).toBe('Adding a Google Analytics tag');
    const preview = await previewAnswer(library, id);
    expect(preview.units.map((u) => u.text).join('\n')).not.toMatch(/John|Miller|miller-school/);

    await decideAll(library);
    const out = path.join(dir, 'site');
    await publishFaq(library, { outDir: out });
    const site = Buffer.from([...siteFiles(out).values()].join('\n'), 'latin1').toString('utf8');
    expect(site).toContain('Measuring visits with Google Analytics');
    expect(site).toContain('The tag shows as Active.');
    for (const gone of [
      'Dear John',
      'John',
      'Miller',
      'miller-school',
      'Thanks for your patience',
      'Adding a Google Analytics tag',
    ])
      expect(site, gone).not.toContain(gone);
  });
});
