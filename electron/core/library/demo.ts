import { createHash } from 'node:crypto';
import { plainText } from '../../../shared/answers/document';
import { documentError, parseAnswerDocument, snippetBody } from '../../../shared/answers/validate';
import {
  demoAnswers,
  demoCapabilities,
  demoCustomers,
  demoProduct,
  demoQuestions,
  demoTemplates,
  demoVendor,
} from '../../../resources/demo';
import type { DemoCapability } from '../../../resources/demo/capabilities';
import {
  demoAnswersEn,
  demoCustomersEn,
  demoProductEn,
  demoQuestionTextsEn,
} from '../../../resources/demo/english';
import type { Library } from './Library';

/**
 * The demo in one language: a Japanese vendor sees Japanese customers and answers, an English one
 * English (issue 18). The catalogue and the message templates carry both languages either way.
 */
function demoIn(language: 'ja' | 'en') {
  if (language === 'ja')
    return { product: demoProduct, customers: demoCustomers, questions: demoQuestions, answers: demoAnswers };
  const texts = new Map(demoQuestionTextsEn.map((q) => [q.key, q]));
  return {
    product: { ...demoProduct, ...demoProductEn },
    customers: demoCustomersEn,
    questions: demoQuestions.map((q) => {
      const en = texts.get(q.key);
      if (!en) throw new Error(`demo: no English text for ${q.key}`);
      return {
        ...q,
        subject: en.subject,
        body: en.body,
        history: q.history.map((h, i) => ({
          ...h,
          note: en.notes[i] ?? '',
          customerMessage: en.messages[i] ?? '',
        })),
        replies: q.replies?.map((r, i) => ({ ...r, text: en.replies?.[i] ?? r.text })),
      };
    }),
    answers: demoAnswersEn,
  };
}

/** A seed for createLibrary: the demo in the given language. */
export function seedDemoIn(language: 'ja' | 'en'): (library: Library) => void {
  return (library) => seedDemo(library, language);
}

const DAY_MS = 86_400_000;

function dayOffset(now: Date, days: number): string {
  const d = new Date(now.getTime() + days * DAY_MS);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * Fills a new library with the demo content (resources/demo), dated relative to today so the
 * Inbox always shows something due, something overdue and something closed.
 */
export function seedDemo(library: Library, language: 'ja' | 'en' = 'ja'): void {
  const {
    product: demoProduct,
    customers: demoCustomers,
    questions: demoQuestions,
    answers: demoAnswers,
  } = demoIn(language);
  const now = new Date(library.now());
  const ago = (days: number, hour = 10) => {
    const d = new Date(now.getTime() - days * DAY_MS);
    d.setUTCHours(hour, 0, 0, 0);
    return d.toISOString();
  };
  const db = library.db;
  const stamp = library.now();

  library.mutate(
    {
      action: 'library.demo_seeded',
      entity: 'library',
      summary: 'Demo library created',
      detail: { language },
    },
    () => {
      const productId = Number(
        db
          .prepare(
            'INSERT INTO products (name, description, current_version, created_at) VALUES (?, ?, ?, ?)',
          )
          .run(demoProduct.name, demoProduct.description, demoProduct.currentVersion, stamp).lastInsertRowid,
      );
      const addVersion = db.prepare('INSERT INTO product_versions (product_id, version) VALUES (?, ?)');
      for (const version of demoProduct.versions) addVersion.run(productId, version);

      const capabilityIds = new Map<string, number>();
      // Tests seed libraries made with older migrations too: there the texts per language
      // (migration 0130) do not exist yet, and 0130 gives the Japanese ones when it runs.
      const perLanguage =
        (db
          .prepare("SELECT count(*) FROM pragma_table_info('capabilities') WHERE name = 'title_en'")
          .pluck()
          .get() as number) > 0;
      const addCapability = db.prepare(
        perLanguage
          ? `INSERT INTO capabilities (product_id, parent_id, kind, title, description, keywords, position, created_at, updated_at,
               title_ja, description_ja, title_en, description_en)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
          : `INSERT INTO capabilities (product_id, parent_id, kind, title, description, keywords, position, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      const insertCapability = (c: DemoCapability, parentId: number | null, position: number) => {
        const values = [
          productId,
          parentId,
          parentId === null ? 'area' : 'operation',
          c.title,
          c.description,
          JSON.stringify(c.keywords),
          position,
          stamp,
          stamp,
        ];
        const id = Number(
          addCapability.run(
            ...values,
            ...(perLanguage ? [c.title, c.description, c.en.title, c.en.description] : []),
          ).lastInsertRowid,
        );
        capabilityIds.set(c.title, id);
        c.children?.forEach((child, i) => insertCapability(child, id, i));
      };
      demoCapabilities.forEach((c, i) => insertCapability(c, null, i));

      const customerIds = new Map<string, number>();
      const addCustomer = db.prepare(
        `INSERT INTO customers (name, email, company, phone, website, language, profile, notes, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const c of demoCustomers) {
        const id = Number(
          addCustomer.run(
            c.name,
            c.email,
            c.company,
            c.phone,
            c.website,
            c.language,
            JSON.stringify(c.profile),
            c.notes,
            ago(200),
            stamp,
          ).lastInsertRowid,
        );
        customerIds.set(c.key, id);
      }

      const questionIds = new Map<string, number>();
      const addQuestion = db.prepare(
        `INSERT INTO questions (customer_id, product_id, product_version, subject, body, status, scope_verdict, next_checkpoint, received_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      const addMessage = db.prepare(
        `INSERT INTO messages (question_id, direction, message_id, in_reply_to, from_name, from_address, to_addresses, subject, sent_at, text, content_hash, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      const addStatus = db.prepare(
        `INSERT INTO status_changes (question_id, from_status, to_status, at, actor, note, customer_message, next_checkpoint)
       VALUES (?, ?, ?, ?, 'vendor', ?, ?, ?)`,
      );
      const link = db.prepare('INSERT INTO question_capabilities (question_id, capability_id) VALUES (?, ?)');
      const hash = (s: string) => createHash('sha256').update(s).digest('hex');

      for (const q of demoQuestions) {
        const customer = demoCustomers.find((c) => c.key === q.customer)!;
        const customerId = customerIds.get(q.customer)!;
        const receivedAt = ago(q.receivedDaysAgo, 9);
        const checkpoint = q.checkpointInDays === null ? null : dayOffset(now, q.checkpointInDays);
        const lastChange = q.history.length ? ago(q.history[q.history.length - 1]!.daysAgo, 15) : receivedAt;
        const id = Number(
          addQuestion.run(
            customerId,
            productId,
            q.version,
            q.subject,
            q.body,
            q.status,
            q.verdict,
            checkpoint,
            receivedAt,
            receivedAt,
            lastChange,
          ).lastInsertRowid,
        );
        questionIds.set(q.key, id);
        const rootMessageId = `${q.key}@demo.kotae`;
        addMessage.run(
          id,
          'in',
          rootMessageId,
          null,
          customer.name,
          customer.email,
          JSON.stringify([demoVendor.email]),
          q.subject,
          receivedAt,
          q.body,
          hash(rootMessageId),
          receivedAt,
        );
        library.writeLog({
          at: receivedAt,
          action: 'question.received',
          entity: 'question',
          entityId: id,
          questionId: id,
          customerId,
          summary: q.subject,
        });
        for (const title of q.capabilities) {
          const capabilityId = capabilityIds.get(title);
          if (capabilityId === undefined) throw new Error(`demo: unknown capability ${title}`);
          link.run(id, capabilityId);
        }
        let from: string = 'received';
        for (const change of q.history) {
          const at = ago(change.daysAgo, 15);
          addStatus.run(id, from, change.to, at, change.note, change.customerMessage, checkpoint);
          library.writeLog({
            at,
            action: 'question.status_changed',
            entity: 'question',
            entityId: id,
            questionId: id,
            customerId,
            summary: `${from} → ${change.to}`,
            detail: { note: change.note },
          });
          from = change.to;
        }
        q.replies?.forEach((reply, i) => {
          const at = ago(reply.daysAgo, 11);
          const messageId = `${q.key}-reply-${i}@demo.kotae`;
          const fromVendor = reply.from === 'vendor';
          addMessage.run(
            id,
            fromVendor ? 'out' : 'in',
            messageId,
            rootMessageId,
            fromVendor ? demoVendor.name : customer.name,
            fromVendor ? demoVendor.email : customer.email,
            JSON.stringify([fromVendor ? customer.email : demoVendor.email]),
            `Re: ${q.subject}`,
            at,
            reply.text,
            hash(messageId),
            at,
          );
          library.writeLog({
            at,
            action: 'message.received',
            entity: 'question',
            entityId: id,
            questionId: id,
            customerId,
            summary: reply.text.slice(0, 80),
          });
        });
      }

      const addAnswer = db.prepare(
        `INSERT INTO answers (title, slug, kind, language, doc, plain_text, is_public, revision, verified_version, verified_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)`,
      );
      const addRevision = db.prepare(
        `INSERT INTO answer_revisions (answer_id, revision, title, doc, plain_text, note, created_at) VALUES (?, 1, ?, ?, ?, 'demo', ?)`,
      );
      const linkAnswer = db.prepare(
        'INSERT INTO answer_questions (answer_id, question_id, linked_at) VALUES (?, ?, ?)',
      );
      for (const a of demoAnswers) {
        const verifiedAt = a.verifiedDaysAgo === null ? null : ago(a.verifiedDaysAgo, 14);
        // Fill in the verification date of each step (the demo data leaves `at` blank).
        // Demo content passes the same door as the vendor's own answers (issue 15).
        const checked = parseAnswerDocument(
          JSON.parse(JSON.stringify(a.doc).replaceAll('"at":""', `"at":"${verifiedAt ?? stamp}"`)),
        );
        if (!checked.ok) throw documentError(checked.problem);
        const doc = checked.doc;
        const text = plainText(doc);
        const createdAt = verifiedAt ?? ago(11);
        const json = JSON.stringify(doc);
        const id = Number(
          addAnswer.run(
            a.title,
            a.slug,
            a.kind,
            a.language,
            json,
            text,
            a.isPublic ? 1 : 0,
            a.verifiedVersion,
            verifiedAt,
            createdAt,
            createdAt,
          ).lastInsertRowid,
        );
        addRevision.run(id, a.title, json, text, createdAt);
        for (const key of a.questions) linkAnswer.run(id, questionIds.get(key)!, createdAt);
        library.writeLog({
          at: createdAt,
          action: 'answer.created',
          entity: 'answer',
          entityId: id,
          answerId: id,
          questionId: questionIds.get(a.questions[0] ?? '') ?? null,
          summary: a.title,
        });
      }

      const addTemplate = db.prepare(
        'INSERT INTO templates (kind, language, name, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
      );
      for (const t of demoTemplates) {
        const snippet = snippetBody(t.body);
        if (snippet.kind === 'invalid')
          throw documentError(snippet.problem, { messageKey: 'errors:SNIPPET_INVALID' });
        addTemplate.run(t.kind, t.language, t.name, t.body, stamp, stamp);
      }

      const setSetting = db.prepare('INSERT OR REPLACE INTO library_settings (key, value) VALUES (?, ?)');
      setSetting.run('vendor', JSON.stringify(demoVendor));
    },
  );
}
