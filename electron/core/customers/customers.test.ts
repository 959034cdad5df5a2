import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KotaeError } from '../../../shared/errors';
import { createLibrary, listLog, seedDemo, type Library } from '../library';
import { useTempDir } from '../testing';
import { getQuestion } from '../questions';
import { changeStatus, markDraftSent, sendDraft } from '../tracking';
import { customerTimeline, listCustomers, updateCustomer } from './index';

const tempDir = useTempDir();
const open = (): Library =>
  createLibrary(path.join(tempDir(), 'lib'), {
    clock: () => new Date('2026-11-23T09:00:00.000Z'),
    seed: seedDemo,
  });

describe('customers', () => {
  it('saves contact and profile together and logs which fields changed', () => {
    const library = open();
    const [first] = listCustomers(library.db).items;
    const saved = updateCustomer(library, {
      id: first!.id,
      contact: {
        name: 'New Name',
        email: 'new@example.com',
        company: 'ACME',
        phone: '03-1234',
        language: 'en',
      },
      profile: {
        ...first!.profile,
        urgency: 'critical',
        wouldAnger: 'being told to reinstall',
        hopedOutcome: '',
      },
    });
    expect(saved).toMatchObject({
      name: 'New Name',
      email: 'new@example.com',
      phone: '03-1234',
      language: 'en',
    });
    expect(saved.profile.urgency).toBe('critical');
    expect(saved.profile.hopedOutcome).toBeUndefined();
    const [entry] = listLog(library.db, { customerId: first!.id, limit: 1 });
    expect(entry!.action).toBe('customer.updated');
    expect(entry!.summary).toContain('urgency');
    expect(entry!.summary).not.toContain('reinstall');
  });
  it('refuses an e-mail address another customer has', () => {
    const library = open();
    const [a, b] = listCustomers(library.db).items;
    expect(() =>
      updateCustomer(library, {
        id: a!.id,
        contact: { name: a!.name, email: b!.email, company: '', phone: '', language: 'ja' },
        profile: {},
      }),
    ).toThrow(KotaeError);
  });
  it('puts all their questions, replies, status changes and answers on one timeline, newest first', () => {
    const library = open();
    const customer = listCustomers(library.db).items.find((c) => c.totalQuestions > 1)!;
    const items = customerTimeline(library.db, customer.id);
    expect(new Set(items.map((i) => i.questionId)).size).toBe(customer.totalQuestions);
    expect(items.some((i) => i.kind === 'message_in')).toBe(true);
    expect(items.map((i) => i.at)).toEqual([...items.map((i) => i.at)].sort().reverse());
  });
  it('shows a message that left through the app on the timeline', async () => {
    const library = open();
    const customer = listCustomers(library.db).items[0]!;
    const questionId = library.db
      .prepare('SELECT id FROM questions WHERE customer_id = ?')
      .pluck()
      .get(customer.id) as number;
    await sendDraft(library, async () => undefined, {
      questionId,
      purpose: 'status',
      via: 'copy',
      subject: 'Re: status',
      body: 'We are on it.',
    });
    // Copied is not sent: the timeline says it is a draft until the vendor marks it sent.
    const drafted = customerTimeline(library.db, customer.id).find((i) => i.kind === 'draft')!;
    expect(drafted).toMatchObject({
      title: 'Re: status',
      message: 'We are on it.',
      questionId,
      delivery: 'draft',
    });
    markDraftSent(library, drafted.ref!);
    const sent = customerTimeline(library.db, customer.id).filter((i) => i.kind === 'draft');
    expect(sent).toEqual([expect.objectContaining({ message: 'We are on it.', delivery: 'sent' })]);
  });

  it('a status change with a message shows it as a draft until it is sent (issue 18)', async () => {
    const library = open();
    const customer = listCustomers(library.db).items[0]!;
    const questionId = library.db
      .prepare("SELECT id FROM questions WHERE customer_id = ? AND status NOT IN ('resolved', 'declined')")
      .pluck()
      .get(customer.id) as number;
    changeStatus(library, {
      id: questionId,
      to: 'resolved',
      nextCheckpoint: null,
      note: 'fixed',
      customerMessage: 'It works now.',
    });
    const item = () =>
      customerTimeline(library.db, customer.id).find(
        (i) => i.kind === 'status' && i.message === 'It works now.',
      )!;
    expect(item()).toMatchObject({ delivery: 'draft', text: 'fixed' });
    // Handed whole to the mail program: sent. The same text is not listed twice.
    await sendDraft(library, async () => undefined, {
      questionId,
      purpose: 'status',
      via: 'mail',
      subject: 'Re: x',
      body: 'It works now.',
    });
    expect(item().delivery).toBe('sent');
    expect(customerTimeline(library.db, customer.id).filter((i) => i.kind === 'draft')).toEqual([]);
    expect(getQuestion(library.db, questionId).statusHistory.at(-1)?.delivery).toBe('sent');
  });
});
