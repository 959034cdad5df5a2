// Every user-facing string lives here, one JSON file per namespace and language. A unit test fails
// when a key exists in one language and not the other. Add a namespace: add both files and list them.
import enCommon from './locales/en/common.json';
import enErrors from './locales/en/errors.json';
import enNav from './locales/en/nav.json';
import enLibrary from './locales/en/library.json';
import enSettings from './locales/en/settings.json';
import enStatus from './locales/en/status.json';
import enInbox from './locales/en/inbox.json';
import enAnswers from './locales/en/answers.json';
import enCustomers from './locales/en/customers.json';
import enCapabilities from './locales/en/capabilities.json';
import enVideos from './locales/en/videos.json';
import enPublish from './locales/en/publish.json';
import enJobs from './locales/en/jobs.json';
import enSearch from './locales/en/search.json';
import enChecks from './locales/en/checks.json';
import enBundle from './locales/en/bundle.json';
import enIntake from './locales/en/intake.json';
import enBackup from './locales/en/backup.json';
import enTracking from './locales/en/tracking.json';
import enCapabilitiesDnd from './locales/en/capabilitiesDnd.json';
import enCli from './locales/en/cli.json';
import enFollowUp from './locales/en/followUp.json';
import enDialogs from './locales/en/dialogs.json';
import jaCommon from './locales/ja/common.json';
import jaErrors from './locales/ja/errors.json';
import jaNav from './locales/ja/nav.json';
import jaLibrary from './locales/ja/library.json';
import jaSettings from './locales/ja/settings.json';
import jaStatus from './locales/ja/status.json';
import jaInbox from './locales/ja/inbox.json';
import jaAnswers from './locales/ja/answers.json';
import jaCustomers from './locales/ja/customers.json';
import jaCapabilities from './locales/ja/capabilities.json';
import jaVideos from './locales/ja/videos.json';
import jaPublish from './locales/ja/publish.json';
import jaJobs from './locales/ja/jobs.json';
import jaSearch from './locales/ja/search.json';
import jaChecks from './locales/ja/checks.json';
import jaBundle from './locales/ja/bundle.json';
import jaIntake from './locales/ja/intake.json';
import jaBackup from './locales/ja/backup.json';
import jaTracking from './locales/ja/tracking.json';
import jaCapabilitiesDnd from './locales/ja/capabilitiesDnd.json';
import jaCli from './locales/ja/cli.json';
import jaFollowUp from './locales/ja/followUp.json';
import jaDialogs from './locales/ja/dialogs.json';

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
