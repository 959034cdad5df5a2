import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findNodes, type AnswerDocument } from '../../../shared/answers/document';
import { getAnswer, restoreRevision, saveAnswerDoc, saveRevision, updateAnswer } from '../answers';
import { exportBundle } from '../bundles';
import { createLibrary, listLog, seedDemo, type Library } from '../library';
import { useTempDir } from '../testing';
import { workLogCsv } from '../tracking';
import { answerRechecks, deleteRelease, listReleases, recordRelease, staleAnswers } from './index';

const tempDir = useTempDir();

// The demo library: answers 1 (images on phones; its question is about 8 "phone display" and 10
// "upload images", in the areas 5 "design" and 9 "images"), 2 (custom domain, 24/25, verified with
// 4.1.0), 3 (blog scheduling, 17), 4 (theme colour, 6), 5 (analytics, 28) and 6 (a decline).
function open(): Library {
  let now = new Date('2026-11-23T09:00:00.000Z').getTime();
  return createLibrary(path.join(tempDir(), 'lib'), {
    seed: seedDemo,
    // Each reading of the clock a minute later: autosaves far apart, log entries in order.
    clock: () => new Date((now += 60_000)),
  });
}

const docOf = (library: Library, id: number) => getAnswer(library.db, id).doc as AnswerDocument;

/** Walks every step again in reproduction mode with `version`, or marks one as not working. */
function rewalk(doc: AnswerDocument, version: string, failing: string | null = null): AnswerDocument {
  const copy = structuredClone(doc);
  for (const s of findNodes(copy, 'kotae-step'))
    s.verified = s.stepId === failing ? null : { version, at: '2026-12-01T10:00:00.000Z' };
  return copy;
}

function linkStep(doc: AnswerDocument, capabilityIds: number[]): AnswerDocument {
  const copy = structuredClone(doc);
  findNodes(copy, 'kotae-step')[0]!.capabilityIds = capabilityIds;
  return copy;
}

const staleIds = (library: Library) => staleAnswers(library.db).map((s) => s.answerId);

describe('recording a release', () => {
  it('lists exactly the answers verified before it that touch a changed capability', () => {
    const library = open();
    // Answer 3 (blog) gets a step that embeds a video: capability 12, inside the images area.
    saveAnswerDoc(library, 3, linkStep(docOf(library, 3), [12]));
    const { release, rechecks } = recordRelease(library, {
      version: '5.0',
      releasedOn: '2026-11-20',
      capabilityIds: [9, 24],
      note: 'New media library; domains connect in one step.',
    });
    expect(release).toMatchObject({ version: '5.0', releasedOn: '2026-11-20', listed: 3, open: 3 });
    expect(release.capabilities.map((c) => c.title)).toEqual(['画像・メディア', '独自ドメインを接続する']);
    // 1: its question is about uploading images (an operation of the changed area 9).
    // 2: its question is about connecting a domain (24, changed itself).
    // 3: through its step's own link to 12 (inside 9).
    // Not 4 (theme colour), 5 (analytics), 6 (a decline with no verified step).
    expect(rechecks.map((r) => r.answerId).sort()).toEqual([1, 2, 3]);
    expect(rechecks.find((r) => r.answerId === 1)).toMatchObject({
      version: '5.0',
      capabilities: ['画像・メディア'],
      checkedWith: '4.2.1',
    });
    expect(rechecks.find((r) => r.answerId === 2)?.capabilities).toEqual(['独自ドメインを接続する']);
    // The product is now on 5.0: reproduction mode verifies with it by default.
    expect(library.db.prepare('SELECT current_version FROM products').pluck().get()).toBe('5.0');
  });

  it('does not list answers already verified with the release, or touching only unchanged capabilities', () => {
    const library = open();
    // 4.2.1 is known by name in the demo: recording it makes it a release. Answer 5 (analytics) was
    // verified with 4.2.1 itself; answer 2 (domains) with 4.1.0, but domains did not change.
    const { rechecks } = recordRelease(library, {
      version: '4.2.1',
      releasedOn: '2026-09-01',
      capabilityIds: [28],
      note: '',
    });
    expect(rechecks).toEqual([]);
    expect(listReleases(library.db).find((r) => r.version === '4.2.1')?.recordedAt).not.toBeNull();
    // The product stays on 4.2.1.
    expect(library.db.prepare('SELECT current_version FROM products').pluck().get()).toBe('4.2.1');
  });

  it('puts public answers first, then those sent to customers most often', async () => {
    const library = open();
    updateAnswer(library, 1, { isPublic: false });
    const out = path.join(tempDir(), 'out');
    mkdirSync(out);
    const customerOf = (questionId: number) =>
      library.db.prepare('SELECT customer_id FROM questions WHERE id = ?').pluck().get(questionId) as number;
    const send = (answerId: number, questionId: number, n: number) =>
      exportBundle(
        library,
        {
          answerId,
          customerId: customerOf(questionId),
          questionId,
          personalised: true,
          videoRendition: 'original',
          zip: true,
          folder: false,
        },
        { zipPath: path.join(out, `a${answerId}-${n}.zip`), folderPath: null },
        { appVersion: 'test' },
        { signal: new AbortController().signal, progress: () => undefined },
      );
    await send(1, 1, 1);
    await send(1, 1, 2);
    await send(3, 4, 1);
    recordRelease(library, {
      version: '5.0',
      releasedOn: '2026-11-20',
      capabilityIds: [5, 9, 16, 23],
      note: '',
    });
    // Public: 2 (domain, never sent), 3 (blog, sent once), 4 (theme, never sent); then private 1 (sent twice).
    const list = staleAnswers(library.db);
    expect(list.map((s) => [s.answerId, s.isPublic, s.sent])).toEqual([
      [3, true, 1],
      [4, true, 0],
      [2, true, 0],
      [1, false, 2],
    ]);
  });

  it('refuses a release recorded twice, and one naming an unknown capability', () => {
    const library = open();
    recordRelease(library, { version: '5.0', releasedOn: '2026-11-20', capabilityIds: [9], note: '' });
    expect(() =>
      recordRelease(library, { version: '5.0', releasedOn: '2026-11-21', capabilityIds: [], note: '' }),
    ).toThrow(expect.objectContaining({ code: 'CONFLICT', messageKey: 'followUp:errors.releaseExists' }));
    expect(() =>
      recordRelease(library, { version: '5.1', releasedOn: '2026-11-21', capabilityIds: [9999], note: '' }),
    ).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(listReleases(library.db).map((r) => r.version)).toEqual([
      '5.0',
      '4.2.1',
      '4.2.0',
      '4.1.0',
      '4.0.0',
    ]);
  });

  it('writes the release and each listed answer into the work log of the questions it serves', () => {
    const library = open();
    recordRelease(library, { version: '5.0', releasedOn: '2026-11-20', capabilityIds: [9], note: 'media' });
    const release = listLog(library.db, { limit: 50 }).find((e) => e.action === 'release.recorded');
    expect(release?.detail).toMatchObject({ version: '5.0', capabilities: ['画像・メディア'], rechecks: 1 });
    const forQuestion = listLog(library.db, { questionId: 1, limit: 50 }).find(
      (e) => e.action === 'answer.recheck_listed',
    );
    expect(forQuestion).toMatchObject({ answerId: 1, questionId: 1, detail: { version: '5.0' } });
    expect(forQuestion?.customerId).not.toBeNull();
    // In words, in either language (the work log and its CSV).
    const en = workLogCsv(library.db, {}, 'en').csv;
    expect(en).toContain('5.0, changed: 画像・メディア (1 answer to re-check)');
    expect(workLogCsv(library.db, { questionId: 1 }, 'ja').csv).toContain(
      'スマートフォンで画像が表示されないときの確認手順（リリース 5.0）',
    );
  });
});

describe('re-walking an answer in reproduction mode', () => {
  it('clears its re-check once every step is verified with the release or newer', () => {
    const library = open();
    recordRelease(library, { version: '5.0', releasedOn: '2026-11-20', capabilityIds: [9, 24], note: '' });
    expect(staleIds(library).sort()).toEqual([1, 2]);
    expect(answerRechecks(library.db, 1)).toMatchObject([
      { version: '5.0', capabilities: ['画像・メディア'] },
    ]);

    // One step does not work with 5.0 any more: still to re-check (the answer needs rewriting).
    const doc = docOf(library, 1);
    const firstStep = findNodes(doc, 'kotae-step')[0]!.stepId;
    // The windows hear of a save only when it changes a re-check (their counts): once here.
    const announced: number[] = [];
    saveAnswerDoc(library, 1, rewalk(doc, '5.0', firstStep), () => announced.push(1));
    expect(staleIds(library).sort()).toEqual([1, 2]);
    expect(announced).toEqual([]);

    saveAnswerDoc(library, 1, rewalk(doc, '5.0'), () => announced.push(2));
    expect(staleIds(library)).toEqual([2]);
    expect(announced).toEqual([2]);
    saveAnswerDoc(library, 1, rewalk(doc, '5.0'), () => announced.push(3));
    expect(announced).toEqual([2]);
    expect(answerRechecks(library.db, 1)).toEqual([]);
    expect(getAnswer(library.db, 1).verifiedVersion).toBe('5.0');
    expect(listReleases(library.db)[0]).toMatchObject({ version: '5.0', listed: 2, open: 1 });
    const logged = listLog(library.db, { answerId: 1, limit: 20 }).find(
      (e) => e.action === 'answer.rechecked',
    );
    expect(logged?.detail).toMatchObject({ version: '5.0', checkedWith: '5.0' });
  });

  it('puts it back on the list when an older revision is restored', () => {
    const library = open();
    recordRelease(library, { version: '5.0', releasedOn: '2026-11-20', capabilityIds: [9], note: '' });
    saveAnswerDoc(library, 1, rewalk(docOf(library, 1), '5.0'));
    saveRevision(library, 1, 're-checked with 5.0');
    expect(staleIds(library)).toEqual([]);
    restoreRevision(library, 1, 1);
    expect(staleIds(library)).toEqual([1]);
    expect(listLog(library.db, { answerId: 1, limit: 20 }).map((e) => e.action)).toContain(
      'answer.recheck_reopened',
    );
  });

  it('a release removed by mistake takes its re-checks with it', () => {
    const library = open();
    const { release } = recordRelease(library, {
      version: '5.0',
      releasedOn: '2026-11-20',
      capabilityIds: [9],
      note: '',
    });
    expect(deleteRelease(library, release.id)).toEqual({ deleted: true });
    expect(staleIds(library)).toEqual([]);
    expect(library.db.prepare('SELECT current_version FROM products').pluck().get()).toBe('4.2.1');
  });
});
