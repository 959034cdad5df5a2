export { describeTools, resolveTools } from './binaries';
export type { FfmpegTools, ResolvedTool } from './binaries';
export type { PictureEffects } from './args/regions';
export { ffmetadata } from './args/metadata';
export type { ChapterMark } from './args/metadata';
export {
  cleanupDelayInvocation,
  clickDelayS,
  measureNarrationInvocation,
  narrationFilters,
  parseLoudnorm,
} from './args/narration';
export {
  accurateInvocation,
  concatScript,
  copyPartInvocation,
  encodePartInvocation,
  extractAudioInvocation,
  finalMuxInvocation,
  moovEstimate,
} from './args/render';
export type { AudioSource, FinalMux, VideoSource, X264Settings } from './args/render';
export { runFfmpeg, stopAllMediaProcesses } from './runner';
export type { FfmpegInvocation } from './runner';
export { needsLegacyArgs } from './legacy';
export { remuxRecordingInvocation, stillFrameInvocation } from './args/derive';
