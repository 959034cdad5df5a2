export { makePng } from './png';
export { makeReadOnly, snapshotFiles, useTempDir } from './tempDir';
export { testDialogs } from './dialogs';
export { frameTimes, makeVideo, measureSync, readFrameIds, testTools } from './videos';
export type { TestVideoSpec } from './videos';
export {
  coarseLumaDiff,
  decodeFrames,
  framesOf,
  gradientEnergy,
  lumaDiff,
  maxDeviation,
  meanDeviation,
  sameFrame,
} from './pictures';
export type { Frame } from './pictures';
export { makeIndexStale } from './damage';
export { fingerprint, isReadableRefusal, messageText } from './hostile';
export { envelopeLagS, integratedLoudness, levelDb, monoSamples, onsetS } from './sound';
