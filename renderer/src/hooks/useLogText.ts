import { useTranslation } from 'react-i18next';
import type { LogEntry } from '@shared/domain/log';
import { actorText, describeLogEntry, noteText, type Translate } from '@shared/tracking/logText';
import { useFormat } from './useFormat';

/** Work-log entries, actors and automatic notes in the UI language (shared/tracking/logText.ts). */
export function useLogText() {
  const { t, i18n } = useTranslation(['tracking', 'status', 'customers']);
  const fmt = useFormat();
  const translate = t as unknown as Translate;
  const inLanguage = (lng: 'en' | 'ja', key: string) => i18n.t(key, { lng });
  return {
    describe: (e: LogEntry) => describeLogEntry(e, translate, (day) => fmt.date(day)),
    actor: (actor: string) => actorText(actor, translate),
    note: (note: string) => noteText(note, translate, inLanguage),
  };
}
