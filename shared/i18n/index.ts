// Every user-facing string lives here, one JSON file per namespace and language. A unit test fails
// when a key exists in one language and not the other. Add a namespace: add both files and list them.
import enCommon from './locales/en/common.json' with { type: 'json' };
import enErrors from './locales/en/errors.json' with { type: 'json' };
import enNav from './locales/en/nav.json' with { type: 'json' };
import enLibrary from './locales/en/library.json' with { type: 'json' };
import enSettings from './locales/en/settings.json' with { type: 'json' };
import enStatus from './locales/en/status.json' with { type: 'json' };
import enInbox from './locales/en/inbox.json' with { type: 'json' };
import enAnswers from './locales/en/answers.json' with { type: 'json' };
import enCustomers from './locales/en/customers.json' with { type: 'json' };
import enCapabilities from './locales/en/capabilities.json' with { type: 'json' };
import enVideos from './locales/en/videos.json' with { type: 'json' };
import enPublish from './locales/en/publish.json' with { type: 'json' };
import enJobs from './locales/en/jobs.json' with { type: 'json' };
import enSearch from './locales/en/search.json' with { type: 'json' };
import enChecks from './locales/en/checks.json' with { type: 'json' };
import enBundle from './locales/en/bundle.json' with { type: 'json' };
import enIntake from './locales/en/intake.json' with { type: 'json' };
import enBackup from './locales/en/backup.json' with { type: 'json' };
import enTracking from './locales/en/tracking.json' with { type: 'json' };
import enCapabilitiesDnd from './locales/en/capabilitiesDnd.json' with { type: 'json' };
import enCli from './locales/en/cli.json' with { type: 'json' };
import enFollowUp from './locales/en/followUp.json' with { type: 'json' };
import enDialogs from './locales/en/dialogs.json' with { type: 'json' };
import jaCommon from './locales/ja/common.json' with { type: 'json' };
import jaErrors from './locales/ja/errors.json' with { type: 'json' };
import jaNav from './locales/ja/nav.json' with { type: 'json' };
import jaLibrary from './locales/ja/library.json' with { type: 'json' };
import jaSettings from './locales/ja/settings.json' with { type: 'json' };
import jaStatus from './locales/ja/status.json' with { type: 'json' };
import jaInbox from './locales/ja/inbox.json' with { type: 'json' };
import jaAnswers from './locales/ja/answers.json' with { type: 'json' };
import jaCustomers from './locales/ja/customers.json' with { type: 'json' };
import jaCapabilities from './locales/ja/capabilities.json' with { type: 'json' };
import jaVideos from './locales/ja/videos.json' with { type: 'json' };
import jaPublish from './locales/ja/publish.json' with { type: 'json' };
import jaJobs from './locales/ja/jobs.json' with { type: 'json' };
import jaSearch from './locales/ja/search.json' with { type: 'json' };
import jaChecks from './locales/ja/checks.json' with { type: 'json' };
import jaBundle from './locales/ja/bundle.json' with { type: 'json' };
import jaIntake from './locales/ja/intake.json' with { type: 'json' };
import jaBackup from './locales/ja/backup.json' with { type: 'json' };
import jaTracking from './locales/ja/tracking.json' with { type: 'json' };
import jaCapabilitiesDnd from './locales/ja/capabilitiesDnd.json' with { type: 'json' };
import jaCli from './locales/ja/cli.json' with { type: 'json' };
import jaFollowUp from './locales/ja/followUp.json' with { type: 'json' };
import jaDialogs from './locales/ja/dialogs.json' with { type: 'json' };

export const resources = {
  en: {
    common: enCommon,
    errors: enErrors,
    nav: enNav,
    library: enLibrary,
    settings: enSettings,
    status: enStatus,
    inbox: enInbox,
    answers: enAnswers,
    customers: enCustomers,
    capabilities: enCapabilities,
    videos: enVideos,
    publish: enPublish,
    jobs: enJobs,
    search: enSearch,
    checks: enChecks,
    bundle: enBundle,
    intake: enIntake,
    backup: enBackup,
    tracking: enTracking,
    capabilitiesDnd: enCapabilitiesDnd,
    cli: enCli,
    followUp: enFollowUp,
    dialogs: enDialogs,
  },
  ja: {
    common: jaCommon,
    errors: jaErrors,
    nav: jaNav,
    library: jaLibrary,
    settings: jaSettings,
    status: jaStatus,
    inbox: jaInbox,
    answers: jaAnswers,
    customers: jaCustomers,
    capabilities: jaCapabilities,
    videos: jaVideos,
    publish: jaPublish,
    jobs: jaJobs,
    search: jaSearch,
    checks: jaChecks,
    bundle: jaBundle,
    intake: jaIntake,
    backup: jaBackup,
    tracking: jaTracking,
    capabilitiesDnd: jaCapabilitiesDnd,
    cli: jaCli,
    followUp: jaFollowUp,
    dialogs: jaDialogs,
  },
} as const;

export type UiLocale = keyof typeof resources;
export const namespaces = Object.keys(resources.en) as (keyof (typeof resources)['en'])[];

/** 'ja' for any Japanese locale (ja, ja-JP), else English. */
export function pickLocale(preference: 'system' | UiLocale, systemLocale: string): UiLocale {
  if (preference !== 'system') return preference;
  return systemLocale.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}
