export { listMedia } from './queries';
export { mediaHandlers } from './handlers';
export { shaFromMediaPath } from './mediaUrl';
export { resolveMediaRequest, type ServedMedia } from './lookup';
export { renderEmailRendition, estimateEmailBytes, EMAIL_RENDITION, type RenditionOptions } from './rendition';
