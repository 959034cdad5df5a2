import type enDialogs from '../../../shared/i18n/locales/en/dialogs.json';
import type { UiLocale } from '../../../shared/i18n';
import { textIn } from '../i18n';
import type { Dialogs } from './dialogs';

// The OS draws its file dialogs, but their titles and file-type names are ours: they speak the
// UI's language (Settings, else the system's), asked afresh at each dialog so a change of language
// in Settings applies at once. Services name a title by its key in dialogs.json, so no English
// literal can reach the OS.

export type DialogTitle = keyof (typeof enDialogs)['title'];
export type DialogFilterName = keyof (typeof enDialogs)['filter'];

export interface DialogFilter {
  name: DialogFilterName;
  extensions: string[];
}

/** The OS dialogs as services use them: titles and filters named by key, translated here. */
export interface StudioDialogs extends Omit<Dialogs, 'chooseFolder' | 'chooseFiles' | 'chooseSaveFile'> {
  chooseFolder(options: { title: DialogTitle; forCreate: boolean }): Promise<string | null>;
  chooseFiles(options: { title: DialogTitle; filters: DialogFilter[]; multiple: boolean }): Promise<string[]>;
  chooseSaveFile(options: {
    title: DialogTitle;
    defaultName: string;
    filters: DialogFilter[];
  }): Promise<string | null>;
}

export function translatedDialogs(os: Dialogs, language: () => UiLocale): StudioDialogs {
  const text = () => textIn(language(), 'dialogs');
  const openFile = os.openFile?.bind(os);
  const filtersIn = (t: ReturnType<typeof text>, filters: DialogFilter[]) =>
    filters.map((f) => ({ name: t(`filter.${f.name}`), extensions: f.extensions }));
  return {
    chooseFolder: ({ title, forCreate }) => os.chooseFolder({ title: text()(`title.${title}`), forCreate }),
    chooseFiles: ({ title, filters, multiple }) => {
      const t = text();
      return os.chooseFiles({ title: t(`title.${title}`), filters: filtersIn(t, filters), multiple });
    },
    chooseSaveFile: ({ title, defaultName, filters }) => {
      const t = text();
      return os.chooseSaveFile({ title: t(`title.${title}`), defaultName, filters: filtersIn(t, filters) });
    },
    openExternal: (url) => os.openExternal(url),
    showInFolder: (file) => os.showInFolder(file),
    ...(openFile ? { openFile } : {}),
    screenRecordingAccess: () => os.screenRecordingAccess(),
    openScreenRecordingSettings: () => os.openScreenRecordingSettings(),
  };
}
