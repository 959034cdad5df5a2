export { listMedia } from './queries';
export { mediaHandlers } from './handlers';
export { confinedRealPath, shaFromMediaPath } from './confine';
export { resolveMediaRequest, type ServedMedia } from './lookup';
export { renderEmailRendition, estimateEmailBytes, EMAIL_RENDITION, type RenditionOptions } from './rendition';
