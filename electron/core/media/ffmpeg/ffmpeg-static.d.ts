// ffmpeg-static is an optional dependency: where its binary download fails (machines without the
// internet, like our build machines) npm removes it, and its own types with it.
declare module 'ffmpeg-static' {
  const binaryPath: string | null;
  export default binaryPath;
}
