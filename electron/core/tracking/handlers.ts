import type { Handlers } from '../api';
import { writeFileAtomic } from '../files';
import { listLog } from '../library';
import type { Studio } from '../studio';
import { ensureVendorKey } from '../signing';
import { draftMessage, markDraftSent, sendDraft } from './drafts';
import { listMessageTemplates, resetMessageTemplate, saveMessageTemplate } from './templates';
import { workLogCsv } from './workLog';

type TrackingChannel =
  | 'drafts:make'
  | 'drafts:send'
  | 'drafts:markSent'
  | 'messageTemplates:list'
  | 'messageTemplates:save'
  | 'messageTemplates:reset'
  | 'log:list'
  | 'log:exportCsv';

export function trackingHandlers(studio: Studio): Handlers<TrackingChannel> {
  const changed = <T>(value: T, ...entities: string[]): T => {
    studio.changed(...entities);
    return value;
  };
  return {
    'drafts:make': async ({ questionId, purpose, status, nextCheckpoint }) => {
      const library = studio.library();
      // The signature line carries the signing key's fingerprint: the key is made on first need.
      await ensureVendorKey(library);
      return draftMessage(library, { questionId, purpose, status, nextCheckpoint });
    },
    'drafts:send': async (input) =>
      changed(
        await sendDraft(
          studio.writableLibrary(),
          {
            openExternal: (url) => studio.dialogs.openExternal(url),
            openFile: studio.dialogs.openFile?.bind(studio.dialogs),
          },
          input,
        ),
        'log',
      ),
    'drafts:markSent': ({ ref }) => changed(markDraftSent(studio.writableLibrary(), ref), 'log', 'customers'),
    'messageTemplates:list': () => listMessageTemplates(studio.library()),
    'messageTemplates:save': (input) =>
      changed(saveMessageTemplate(studio.writableLibrary(), input), 'messageTemplates'),
    'messageTemplates:reset': (input) =>
      changed(resetMessageTemplate(studio.writableLibrary(), input), 'messageTemplates'),
    'log:list': (filter) => listLog(studio.library().db, filter),
    'log:exportCsv': async ({ questionId, customerId, language }) => {
      const library = studio.library();
      const target = await studio.dialogs.chooseSaveFile({
        title: 'exportWorkLog',
        defaultName: `work-log${questionId ? `-question-${questionId}` : customerId ? `-customer-${customerId}` : ''}.csv`,
        filters: [{ name: 'csv', extensions: ['csv'] }],
      });
      if (target === null) return null;
      const { csv, rows } = workLogCsv(library.db, { questionId, customerId }, language);
      await writeFileAtomic(target, csv);
      return { path: target, rows };
    },
  };
}
