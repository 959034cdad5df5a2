import type { Database } from 'better-sqlite3';
import type { AnswerSuggestion } from '../../../shared/domain/answer';
import { KotaeError } from '../../../shared/errors';
import { readableTerms, topicTerms } from '../../../shared/text/topicTerms';
import { moreLikeThis, termRarity } from '../search';

// "The same answer serves the next customer who asks": existing answers that may fit a question.
// The library's search index proposes candidates (answers with the question's rare words, answers
// that serve questions like it) and the answers that serve questions of the same capabilities join
// them; only those are scored, so a library of thousands of answers costs what a few dozen do.
// Two signals: capabilities the question shares with the questions an answer already serves (the
// scope catalogue says "same topic"), and topic words (Japanese bigrams, whole katakana words) the
// question shares with the answer's title, text and questions, weighted by how rare they are in
// the library.

const WEIGHT_CAPABILITY = 4;
const WEIGHT_TITLE = 3;
const WEIGHT_QUESTION = 2;
const WEIGHT_TEXT = 1;
/** How many answers (and questions) the index proposes. */
const CANDIDATES = 40;

/** Answers worth scoring for this question: by words, by similar questions, by capabilities. */
function candidateAnswers(db: Database, questionId: number, text: string): number[] {
  const ids = new Set(moreLikeThis(db, text, ['answer'], CANDIDATES).map((d) => d.id));
  const similarQuestions = moreLikeThis(db, text, ['question'], CANDIDATES)
    .map((d) => d.id)
    .filter((id) => id !== questionId);
  const served = db.prepare(
    `SELECT DISTINCT answer_id FROM answer_questions
     WHERE question_id IN (SELECT value FROM json_each(?)) LIMIT ${CANDIDATES}`,
  );
  for (const id of served.pluck().all(JSON.stringify(similarQuestions)) as number[]) ids.add(id);
  const sameCapabilities = db.prepare(
    `SELECT DISTINCT aq.answer_id FROM question_capabilities mine
     JOIN question_capabilities qc ON qc.capability_id = mine.capability_id AND qc.question_id <> mine.question_id
     JOIN answer_questions aq ON aq.question_id = qc.question_id
     WHERE mine.question_id = ? LIMIT ${CANDIDATES}`,
  );
  for (const id of sameCapabilities.pluck().all(questionId) as number[]) ids.add(id);
  return [...ids];
}

export function suggestAnswersForQuestion(
  db: Database,
  questionId: number,
  limit: number,
): AnswerSuggestion[] {
  const question = db.prepare('SELECT subject, body FROM questions WHERE id = ?').get(questionId) as
    { subject: string; body: string } | undefined;
  if (!question) throw new KotaeError('NOT_FOUND', { id: questionId });
  const text = `${question.subject}\n${question.body}`;
  const asked = topicTerms(text);
  const askedCapabilities = new Map(
    (
      db
        .prepare(
          `SELECT c.id, c.title FROM question_capabilities qc JOIN capabilities c ON c.id = qc.capability_id
           WHERE qc.question_id = ?`,
        )
        .all(questionId) as { id: number; title: string }[]
    ).map((c) => [c.id, c.title]),
  );
  const answerCount = db.prepare('SELECT count(*) FROM answers').pluck().get() as number;
  const answers = db
    .prepare(
      `SELECT a.id, a.title, a.kind, a.language, a.plain_text,
              (SELECT group_concat(q.subject, char(10)) FROM answer_questions aq JOIN questions q ON q.id = aq.question_id
               WHERE aq.answer_id = a.id) AS subjects,
              (SELECT group_concat(DISTINCT qc.capability_id) FROM answer_questions aq
               JOIN question_capabilities qc ON qc.question_id = aq.question_id WHERE aq.answer_id = a.id) AS capability_ids
       FROM answers a
       WHERE a.id IN (SELECT value FROM json_each(?))
         AND a.id NOT IN (SELECT answer_id FROM answer_questions WHERE question_id = ?)`,
    )
    .all(JSON.stringify(candidateAnswers(db, questionId, text)), questionId) as {
    id: number;
    title: string;
    kind: 'answer' | 'decline';
    language: 'ja' | 'en';
    plain_text: string;
    subjects: string | null;
    capability_ids: string | null;
  }[];
  // Rarer words say more: a word in every mail and answer (手順, the product name) says nothing.
  const rarity = termRarity(db, asked);

  const indexed = answers.map((a) => ({
    answer: a,
    title: topicTerms(a.title),
    questions: topicTerms(a.subjects ?? ''),
    text: topicTerms(a.plain_text),
  }));
  const scored = indexed.map(({ answer, title, questions, text }) => {
    let score = 0;
    let headline = false; // a word shared with the title or a served question's subject
    const shared: { term: string; weight: number }[] = [];
    for (const term of asked) {
      const weight =
        (title.has(term) ? WEIGHT_TITLE : 0) +
        (questions.has(term) ? WEIGHT_QUESTION : 0) +
        (text.has(term) ? WEIGHT_TEXT : 0);
      if (!weight) continue;
      headline ||= title.has(term) || questions.has(term);
      score += weight * rarity(term);
      shared.push({ term, weight: weight * rarity(term) });
    }
    const capabilities = (answer.capability_ids ?? '')
      .split(',')
      .filter(Boolean)
      .map(Number)
      .filter((id) => askedCapabilities.has(id))
      .map((id) => askedCapabilities.get(id)!);
    score += capabilities.length * WEIGHT_CAPABILITY * Math.log(1 + answerCount);
    if (!headline && !capabilities.length) score = 0; // words only in the body: chance, not topic
    return {
      id: answer.id,
      title: answer.title,
      kind: answer.kind,
      language: answer.language,
      excerpt: answer.plain_text.slice(0, 160).replace(/\s+/g, ' '),
      score: Math.round(score * 100) / 100,
      capabilities,
      // Shown to the vendor: the question's own words, not index bigrams (「ジ作」).
      terms: readableTerms(
        `${question.subject}\n${question.body}`,
        shared.sort((a, b) => b.weight - a.weight).map((s) => s.term),
        5,
      ),
    };
  });
  // A couple of shared bigrams is chance; ask for real overlap before suggesting anything.
  const threshold = 5 * Math.log(1 + answerCount);
  return scored
    .filter((s) => s.score >= threshold)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}
