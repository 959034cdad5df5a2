export { AppSettingsStore } from './AppSettingsStore';
