import { describe, expect, it } from 'vitest';
import { documentOf, step } from '../answers/document';
import { answerVerification } from '../answers/verification';
import { recheckDone, recheckProgress, stepCapabilityIds, verifiedBefore } from './recheck';
import { compareVersions, oldestVersion } from './version';

describe('compareVersions', () => {
  it('orders versions as vendors write them', () => {
    const sorted = ['5.0', '4.10', '4.2.1', '4.9', 'v4.2.0', '5.0-rc1', '5.0.1', '2024.3'].sort(
      compareVersions,
    );
    expect(sorted).toEqual(['v4.2.0', '4.2.1', '4.9', '4.10', '5.0-rc1', '5.0', '5.0.1', '2024.3']);
  });
  it('treats a missing part as 0', () => {
    expect(compareVersions('5.0', '5.0.0')).toBe(0);
    expect(compareVersions('5', '5.0.1')).toBeLessThan(0);
  });
  it('finds the oldest', () => {
    expect(oldestVersion(['4.2.1', '4.10', '4.2.0'])).toBe('4.2.0');
    expect(oldestVersion([])).toBeNull();
  });
});

const at = (day: string) => `${day}T10:00:00.000Z`;

describe('the re-check of an answer, read from its steps', () => {
  const doc = documentOf([
    step('a', 'A', { verified: { version: '4.2.1', at: at('2026-11-01') } }),
    step('b', 'B', { verified: { version: '5.0', at: at('2026-10-01') }, capabilityIds: [9, 12] }),
    step('c', 'C', { verified: null, capabilityIds: [12] }),
  ]);

  it('an answer verified before a release claims what may have changed', () => {
    expect(verifiedBefore(doc, '5.0')).toBe(true);
    expect(verifiedBefore(doc, '4.2.1')).toBe(false);
    expect(verifiedBefore(documentOf([step('a', 'A')]), '5.0')).toBe(false);
  });

  it('is done only when every step is verified with the release or newer', () => {
    expect(recheckDone(doc, '5.0')).toBe(false);
    expect(recheckProgress(doc, '5.0')).toEqual({ done: 1, total: 3 });
    const walked = documentOf([
      step('a', 'A', { verified: { version: '5.0', at: at('2026-12-01') } }),
      step('b', 'B', { verified: { version: '5.0.1', at: at('2026-12-01') } }),
    ]);
    expect(recheckDone(walked, '5.0')).toBe(true);
    expect(recheckDone(documentOf([]), '5.0')).toBe(false);
  });

  it('collects the capabilities the steps are linked to', () => {
    expect(stepCapabilityIds(doc).sort()).toEqual([12, 9]);
  });

  it('"checked with" names the oldest version, not the step checked first', () => {
    const all = documentOf([
      step('a', 'A', { verified: { version: '4.2.1', at: at('2026-11-01') } }),
      step('b', 'B', { verified: { version: '5.0', at: at('2026-10-01') } }),
    ]);
    expect(answerVerification(all)).toEqual({ version: '4.2.1', at: at('2026-11-01') });
    expect(answerVerification(doc)).toBeNull();
  });
});
