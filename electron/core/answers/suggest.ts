import type { Database } from 'better-sqlite3';
import type { AnswerSuggestion } from '../../../shared/domain/answer';
import { KotaeError } from '../../../shared/errors';
import { normalizeForSearch } from '../../../shared/text/normalize';
import { tokenize } from '../../../shared/text/tokenize';

// "The same answer serves the next customer who asks": existing answers that may fit a question.
// Kept to this one function so it can move onto the library's search index when there is one;
// until then it reads the few hundred answers directly. Two signals: capabilities the question
// shares with the questions an answer already serves (the scope catalogue says "same topic"), and
// words (Japanese bigrams) the question shares with the answer's title, text and questions,
// weighted by how rare they are across answers.

const WEIGHT_CAPABILITY = 4;
const WEIGHT_TITLE = 3;
const WEIGHT_QUESTION = 2;
const WEIGHT_TEXT = 1;

// Topic words only. A bigram with hiragana in it is grammar (ます, した, を押); a katakana word is
// taken whole (エラー, カラー), because its bigrams (ラー) would make unrelated words look alike.
// What remains: kanji bigrams (画像, 表示), katakana words, Latin words.
const HIRAGANA = /\p{Script=Hiragana}/u;
const KATAKANA_ONLY = /^[\p{Script=Katakana}ー]+$/u;
const KATAKANA_WORD = /[\p{Script=Katakana}ー]{2,}/gu;
const STOPWORDS = new Set(
  'the and to a an of in on my is it do how i can for with you your this that not be are we our'.split(' '),
);

function terms(text: string): Set<string> {
  const out = new Set(
    tokenize(text)
      .map((t) => t.term)
      .filter(
        (t) =>
          !HIRAGANA.test(t) &&
          !KATAKANA_ONLY.test(t) &&
          !STOPWORDS.has(t) &&
          (t.length > 1 || /[^ -~]/.test(t)),
      ),
  );
  for (const word of normalizeForSearch(text).match(KATAKANA_WORD) ?? []) out.add(word);
  return out;
}

export function suggestAnswersForQuestion(
  db: Database,
  questionId: number,
  limit: number,
): AnswerSuggestion[] {
  const question = db.prepare('SELECT subject, body FROM questions WHERE id = ?').get(questionId) as
    { subject: string; body: string } | undefined;
  if (!question) throw new KotaeError('NOT_FOUND', { id: questionId });
  const asked = terms(`${question.subject}\n${question.body}`);
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
  const answers = db
    .prepare(
      `SELECT a.id, a.title, a.kind, a.language, a.plain_text,
              (SELECT group_concat(q.subject, char(10)) FROM answer_questions aq JOIN questions q ON q.id = aq.question_id
               WHERE aq.answer_id = a.id) AS subjects,
              (SELECT group_concat(DISTINCT qc.capability_id) FROM answer_questions aq
               JOIN question_capabilities qc ON qc.question_id = aq.question_id WHERE aq.answer_id = a.id) AS capability_ids
       FROM answers a
       WHERE a.id NOT IN (SELECT answer_id FROM answer_questions WHERE question_id = ?)`,
    )
    .all(questionId) as {
    id: number;
    title: string;
    kind: 'answer' | 'decline';
    language: 'ja' | 'en';
    plain_text: string;
    subjects: string | null;
    capability_ids: string | null;
  }[];

  const indexed = answers.map((a) => ({
    answer: a,
    title: terms(a.title),
    questions: terms(a.subjects ?? ''),
    text: terms(a.plain_text),
  }));
  // Rarer words say more: a word in every answer (手順, the product name) says nothing.
  const documentFrequency = new Map<string, number>();
  for (const entry of indexed)
    for (const term of new Set([...entry.title, ...entry.questions, ...entry.text]))
      documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  const rarity = (term: string) => Math.log(1 + indexed.length / (documentFrequency.get(term) ?? 1));

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
    score += capabilities.length * WEIGHT_CAPABILITY * Math.log(1 + indexed.length);
    if (!headline && !capabilities.length) score = 0; // words only in the body: chance, not topic
    return {
      id: answer.id,
      title: answer.title,
      kind: answer.kind,
      language: answer.language,
      excerpt: answer.plain_text.slice(0, 160).replace(/\s+/g, ' '),
      score: Math.round(score * 100) / 100,
      capabilities,
      terms: shared
        .sort((a, b) => b.weight - a.weight)
        .slice(0, 5)
        .map((s) => s.term),
    };
  });
  // A couple of shared bigrams is chance; ask for real overlap before suggesting anything.
  const threshold = 5 * Math.log(1 + indexed.length);
  return scored
    .filter((s) => s.score >= threshold)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}
