import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { suggestAnswersForQuestion } from '../electron/core/answers';
import { createLibrary } from '../electron/core/library';
import { refreshSearchIndex } from '../electron/core/search';
import { percentile, report } from './report';
import { searchCorpus } from './searchCorpus';

// npm run bench -- answer-suggest [docs]: the answers the Inbox suggests when a question is opened,
// on a large library (default 20,000 synthetic documents, a quarter of them answers, bench/
// searchCorpus.ts), each answer serving one question. The index proposes candidates; only they are
// scored. Before that, every answer was tokenised on every call: 1.4 s a question at 2,500 answers.

const docs = Number(process.argv[2] ?? 20_000);
const dir = path.join(os.tmpdir(), `kotae-bench-answer-suggest-${process.pid}`);
rmSync(dir, { recursive: true, force: true });
const library = createLibrary(path.join(dir, 'lib'), {});
const db = library.db;
const next = searchCorpus();
const at = '2026-11-01T09:00:00.000Z';
const addQuestion = db.prepare(
  `INSERT INTO questions (subject, body, received_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`,
);
const addAnswer = db.prepare(
  `INSERT INTO answers (title, slug, doc, plain_text, created_at, updated_at) VALUES (?, ?, '{}', ?, ?, ?)`,
);
const link = db.prepare('INSERT INTO answer_questions (answer_id, question_id, linked_at) VALUES (?, ?, ?)');
const questions: number[] = [];
let answers = 0;
db.transaction(() => {
  for (let i = 0; i < docs; i++) {
    const d = next(i);
    if (d.kind === 'question') {
      questions.push(Number(addQuestion.run(d.title, d.body, at, at, at).lastInsertRowid));
    } else {
      const id = Number(addAnswer.run(d.title, `a${i}`, d.body, at, at).lastInsertRowid);
      answers++;
      if (questions.length) link.run(id, questions[questions.length - 1]!, at);
    }
  }
})();
refreshSearchIndex(db);

// Questions no answer serves yet: the ones the vendor opens in the Inbox.
const open = db
  .prepare(
    'SELECT id FROM questions WHERE id NOT IN (SELECT question_id FROM answer_questions) ORDER BY id LIMIT 200',
  )
  .pluck()
  .all() as number[];
suggestAnswersForQuestion(db, open[0]!, 5); // warm-up (statements, JIT)
const times: number[] = [];
let suggested = 0;
for (const id of open) {
  const t0 = performance.now();
  suggested += suggestAnswersForQuestion(db, id, 5).length;
  times.push(performance.now() - t0);
}
library.close();
rmSync(dir, { recursive: true, force: true });

report(
  'answer-suggest',
  {
    answers,
    questions: questions.length,
    calls: times.length,
    suggestions_per_call: Math.round((suggested / times.length) * 10) / 10,
    p50_ms: Math.round(percentile(times, 50) * 10) / 10,
    p95_ms: Math.round(percentile(times, 95) * 10) / 10,
  },
  { p95_ms: { max: 100 } },
);
