import { z } from 'zod';

// How an answer document names a stored file: only by the sha256 of its content and an extension
// from a closed list, never by a path or a URL (issue 15: an image whose `ext` was
// `png/../../../library.sqlite` put the library database into a customer's bundle). The core turns
// a reference into a file with ONE function, MediaStore.locate (electron/core/library), which also
// proves the file lies inside the library's media folder.

/** 64 lower-case hex digits: how the media store names every file. */
export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'not a sha256 (64 lower-case hex digits)');

/**
 * The picture types an answer may show: exactly what answers:storeImage stores
 * (electron/core/answers/images.ts recognises PNG, JPEG as `jpg`, GIF and WebP by their bytes).
 */
export const imageExtensions = ['png', 'jpg', 'gif', 'webp'] as const;
export const ImageExtension = z.enum(imageExtensions);
export type ImageExtension = z.infer<typeof ImageExtension>;

/** A stored picture, as every node that shows one names it (an image block, a step's screenshot). */
export const ImageRef = z.strictObject({ sha256: Sha256Hex, ext: ImageExtension });
export type ImageRef = z.infer<typeof ImageRef>;

/** Keys of a media reference: a problem under one of these is "the file reference is not valid". */
export const mediaRefKeys: ReadonlySet<PropertyKey> = new Set(['sha256', 'ext']);
