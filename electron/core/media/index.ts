export { listMedia } from './queries';
export { mediaHandlers } from './handlers';
export { shaFromMediaPath } from './mediaUrl';
export { resolveMediaRequest, type ServedMedia } from './lookup';
export {
  renderEmailRendition,
  estimateEmailBytes,
  EMAIL_RENDITION,
  type RenditionOptions,
} from './rendition';
export {
  assetPath,
  assetProbe,
  findAssetBySha,
  getAsset,
  loadFrameIndex,
  removeAbandonedScratch,
  scratchDir,
} from './assets';
export {
  accurateInvocation,
  cleanupDelayInvocation,
  clickDelayS,
  concatScript,
  copyPartInvocation,
  describeTools,
  encodePartInvocation,
  extractAudioInvocation,
  ffmetadata,
  finalMuxInvocation,
  measureNarrationInvocation,
  moovEstimate,
  narrationFilters,
  needsLegacyArgs,
  parseLoudnorm,
  remuxRecordingInvocation,
  resolveTools,
  runFfmpeg,
  stillFrameInvocation,
  stopAllMediaProcesses,
} from './ffmpeg';
export type {
  AudioSource,
  ChapterMark,
  FfmpegInvocation,
  FfmpegTools,
  FinalMux,
  PictureEffects,
  ResolvedTool,
  VideoSource,
  X264Settings,
} from './ffmpeg';
export { scanFrames } from './frames';
export type { FrameIndex } from './frames';
export { ensureClip, importVideo, storeVideoFile } from './importVideo';
export { BROWSER_MAX_HEIGHT, BROWSER_MAX_WIDTH, mediaError, probeFile } from './probe';
export { thumbnailStrip, waveform } from './derivatives';
export { studioTools } from './tools';
export { adtsFrames, pickAudioFrames } from './adts';
