// Screen recordings: chunks appended as they arrive, finished into a stored video, recovered after a crash.
export { recordingHandlers } from './handlers';
export {
  appendChunk,
  discardRecording,
  finishRecording,
  pendingRecordings,
  startRecording,
} from './recordings';
