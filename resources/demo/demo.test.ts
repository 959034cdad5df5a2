import { describe, expect, it } from 'vitest';
import defaultRulesJson from '../checks/default-rules.json';
import { checkAnswer, checkMessage } from '../../shared/answers/checks';
import { CheckRules } from '../../shared/domain/checks';
import { demoAnswers } from './answers';
import { demoCustomers } from './customers';
import { demoAnswersEn, demoCustomersEn, demoQuestionTextsEn } from './english';
import { demoQuestions } from './questions';
import { demoTemplates } from './templates';

// The demo shows a new user how the app wants answers written (issue 18): its answers, its past
// messages and its snippets pass our own checks, in both demo languages.

const rules = CheckRules.parse(defaultRulesJson);

for (const [language, answers, customers] of [
  ['ja', demoAnswers, demoCustomers],
  ['en', demoAnswersEn, demoCustomersEn],
] as const) {
  describe(`the ${language} demo`, () => {
    it('answers pass every check for the customers they serve', () => {
      for (const a of answers) {
        const questions = a.questions.map((key, i) => {
          const q = demoQuestions.find((x) => x.key === key)!;
          const customer = customers.find((c) => c.key === q.customer)!;
          return {
            id: i + 1,
            subject: q.subject,
            scopeVerdict: q.verdict,
            technicalLevel: customer.profile.technicalLevel ?? null,
          };
        });
        const findings = checkAnswer({
          doc: a.doc,
          kind: a.kind,
          language: a.language,
          questions,
          mediaExists: () => true,
          clipExists: () => true,
          rules,
        });
        // The scope check is about the question (a demo request still waits for its verdict), not the words.
        expect(
          findings.filter((f) => f.category !== 'scope').map((f) => `${f.code} ${JSON.stringify(f.params)}`),
          a.title,
        ).toEqual([]);
      }
    });
  });
}

describe('the demo messages and snippets', () => {
  it('past messages to customers pass the tone checks', () => {
    const ja = demoQuestions.flatMap((q) => q.history.map((h) => h.customerMessage)).filter(Boolean);
    const en = demoQuestionTextsEn.flatMap((q) => q.messages).filter(Boolean);
    for (const [language, messages] of [
      ['ja', ja],
      ['en', en],
    ] as const)
      for (const m of messages)
        expect(
          checkMessage(m, language, rules).map((f) => f.code),
          m,
        ).toEqual([]);
  });

  it('greeting and closing snippets pass the tone checks', () => {
    for (const t of demoTemplates.filter((x) => x.kind !== 'steps'))
      expect(
        checkMessage(t.body.replace('{{name}}', 'X'), t.language, rules).map((f) => f.code),
        t.name,
      ).toEqual([]);
  });
});
