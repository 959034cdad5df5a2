import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { AppSettings, type AppSettingsPatch } from '../../../shared/domain/settings';
import { writeFileAtomicSync } from '../files';

const MAX_RECENT = 8;

/**
 * Settings of the app on this machine, in `<userData>/settings.json`. A missing or damaged file
 * gives the defaults (the damaged one is kept aside, never silently overwritten).
 */
export class AppSettingsStore {
  private value: AppSettings;
  readonly file: string;

  constructor(userDataDir: string) {
    this.file = path.join(userDataDir, 'settings.json');
    this.value = this.load();
  }

  private load(): AppSettings {
    let raw: string;
    try {
      raw = readFileSync(this.file, 'utf8');
    } catch {
      return AppSettings.parse({});
    }
    try {
      return AppSettings.parse(JSON.parse(raw));
    } catch {
      writeFileAtomicSync(`${this.file}.damaged-${Date.now()}`, raw);
      return AppSettings.parse({});
    }
  }

  get(): AppSettings {
    return structuredClone(this.value);
  }

  update(patch: AppSettingsPatch): AppSettings {
    this.value = AppSettings.parse({ ...this.value, ...patch });
    mkdirSync(path.dirname(this.file), { recursive: true });
    writeFileAtomicSync(this.file, JSON.stringify(this.value, null, 2));
    return this.get();
  }

  rememberLibrary(root: string): AppSettings {
    const recent = [root, ...this.value.recentLibraries.filter((p) => p !== root)].slice(0, MAX_RECENT);
    return this.update({ lastLibrary: root, recentLibraries: recent });
  }
}
