import { describe, expect, it } from 'vitest';
import type { JobState } from '../domain/job';
import { resources } from '../i18n';
import { jobKinds, jobResultOf } from './jobResults';

const done = (kind: string, result: unknown): JobState => ({
  id: 'j1',
  kind,
  phase: '',
  progress: 1,
  status: 'done',
  startedAt: '2026-01-01T00:00:00.000Z',
  finishedAt: '2026-01-01T00:00:01.000Z',
  etaS: 0,
  error: null,
  result,
});

describe('job results', () => {
  it('reads a result only through its kind, when done and of its shape', () => {
    const saved = done('saveVideo', { file: '/v/clip.mp4', bytes: 10 });
    expect(jobResultOf('saveVideo', saved)).toEqual({ file: '/v/clip.mp4', bytes: 10 });
    expect(jobResultOf('backup', saved)).toBeNull();
    expect(jobResultOf('saveVideo', { ...saved, status: 'running' })).toBeNull();
    expect(jobResultOf('saveVideo', done('saveVideo', { file: 3 }))).toBeNull();
    expect(jobResultOf('saveVideo', null)).toBeNull();
  });

  it('every kind has a name in the status bar, in both languages', () => {
    for (const lang of ['en', 'ja'] as const) {
      const kinds = (resources[lang].jobs as { kind: Record<string, string> }).kind;
      for (const kind of jobKinds) expect(kinds[kind], `${lang} jobs:kind.${kind}`).toBeTruthy();
    }
  });
});
