import type { StoredImage } from '@shared/domain/answer';
import { call } from '../api/client';

export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];

/** The image files among a clipboard's or a drop's files. */
export function imageFiles(data: DataTransfer | null): File[] {
  return data ? [...data.files].filter((f) => IMAGE_TYPES.includes(f.type)) : [];
}

function base64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  // In chunks: String.fromCharCode(...hugeArray) overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Sends an image's bytes to the library, which stores them once by content. */
export async function storeImageFile(file: File): Promise<StoredImage> {
  return call('answers:storeImage', {
    name: file.name || 'screenshot.png',
    dataBase64: base64(await file.arrayBuffer()),
  });
}
