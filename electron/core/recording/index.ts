export {
  appendChunk,
  discardRecording,
  finishRecording,
  pendingRecordings,
  startRecording,
} from './recordings';
