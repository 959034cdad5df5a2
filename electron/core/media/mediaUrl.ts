// kotae-media://media/<sha256>: the only URL form of a library's media (electron/main/protocols.ts,
// the harness's /media route); the file behind it is found by MediaStore.locate.

const MEDIA_URL = /^\/([0-9a-f]{64})$/;

/** The sha256 a media URL path asks for (`/ab12…`), or null for anything else (`..`, `%2e%2e`, …). */
export function shaFromMediaPath(urlPath: string): string | null {
  const match = MEDIA_URL.exec(urlPath);
  return match ? match[1]! : null;
}
