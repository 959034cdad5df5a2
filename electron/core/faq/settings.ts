import path from 'node:path';
import {
  FaqSettings,
  VendorSettings,
  type FaqSettingsPatch,
  type VendorSettingsPatch,
} from '../../../shared/domain/faq';
import type { Library } from '../library';

// The vendor's identity and the FAQ's settings travel with the library (library_settings), so a
// library moved to another machine publishes the same site.

export function readVendor(library: Library): VendorSettings {
  const parsed = VendorSettings.safeParse(library.getSetting('vendor') ?? {});
  // A value written by an older version that no longer fits keeps what still does.
  return parsed.success ? parsed.data : VendorSettings.parse({});
}

export function readFaqSettings(library: Library): FaqSettings {
  const parsed = FaqSettings.safeParse(library.getSetting('faq') ?? {});
  return parsed.success ? parsed.data : FaqSettings.parse({});
}

function writeSetting(library: Library, key: string, value: unknown, summary: string): void {
  library.mutate({ action: `settings.${key}_updated`, entity: 'library', summary }, (db) => {
    db.prepare('INSERT OR REPLACE INTO library_settings (key, value) VALUES (?, ?)').run(
      key,
      JSON.stringify(value),
    );
  });
}

export function updateVendor(
  library: Library,
  patch: Omit<VendorSettingsPatch, 'logo'> & { logo?: VendorSettings['logo'] },
): VendorSettings {
  const next = VendorSettings.parse({ ...readVendor(library), ...patch });
  writeSetting(library, 'vendor', next, 'Vendor details changed');
  return next;
}

export function updateFaqSettings(
  library: Library,
  patch: FaqSettingsPatch & { outDir?: string },
): FaqSettings {
  const next = FaqSettings.parse({
    ...readFaqSettings(library),
    ...patch,
    ...(patch.outDir ? { outDir: path.resolve(patch.outDir) } : {}),
  });
  writeSetting(library, 'faq', next, 'FAQ settings changed');
  return next;
}
