// ffmpeg older than 5.0 (the 2018 build bundled through @ffmpeg-installer, libavformat 58) runs the
// same invocations with two spellings changed, so thumbnails, waveforms, renditions, recording
// remuxes and accurate renders work with it too:
//   -fps_mode X      → -vsync X   (-fps_mode is the 5.0 name; -vsync takes the same words)
//   -stats_period S  → dropped    (4.4+; without it -progress reports about twice a second)
//   apad=whole_dur=D → apad       (whole_dur is 4.2+; our graphs always follow it with
//                                  atrim=end=D, which ends the endless padding at the same time)

/** libavformat 59 is ffmpeg 5.0, the first with -fps_mode. */
export function needsLegacyArgs(avformatMajor: number): boolean {
  return avformatMajor < 59;
}

/** One option list rewritten for ffmpeg < 5.0. */
export function legacyOptions(options: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < options.length; i++) {
    const opt = options[i]!;
    if (opt === '-stats_period') {
      i++;
      continue;
    }
    out.push(
      opt === '-fps_mode' || opt.startsWith('-fps_mode:')
        ? '-vsync'
        : opt.replace(/apad=whole_dur=[0-9.]+/g, 'apad'),
    );
  }
  return out;
}
