// Clips: edits of a source video (kept ranges, chapters, captions), planned and rendered.
export { clipHandlers } from './handlers';
export { renderedCaptions } from './captions';
export { getClip, listClips, updateClip, createClip, deleteClip, validateEdit } from './clips';
export { planClip, renderClip, trimToFile, capabilitiesOf } from './renderClip';
export { takeStepPictures } from './stepPictures';
export { planRender, summarisePlan, type RenderPlan } from './plan';
