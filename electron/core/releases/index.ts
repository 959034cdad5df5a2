// Releases (issue 22): the product's versions with what each changed, and the answers a release
// puts on the list to re-check until they are walked again in reproduction mode.
export { listReleases, staleAnswers, releaseRechecks, answerRechecks, staleAnswerIds } from './queries';
export { recordRelease, deleteRelease } from './record';
export { refreshRechecks } from './refresh';
export { releaseHandlers } from './handlers';
