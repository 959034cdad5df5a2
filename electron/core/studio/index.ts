export { Studio, DEFAULT_LIBRARY_DIR, type StudioOptions } from './Studio';
export type { Dialogs, FileFilter } from './dialogs';
export type { DialogFilter, DialogTitle, StudioDialogs } from './translatedDialogs';
export { studioHandlers } from './handlers';
