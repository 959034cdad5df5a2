import { cueAt, cuesFromData, type Cue } from '@shared/clips/webvtt';

// Captions in the app's preview, drawn the way the bundle's viewer draws them (the same markup
// hooks, .kb-caption and .kb-caption__line, and the same choice of cue, cueAt): one line over the
// picture from the video's current time, after every seek. The renderer's video block carries the
// cues as data (data-captions, output time); a text track left to Chromium would show two cues at
// a chapter boundary and keep the previous one after a seek (issue 17).

/** Draws the current caption over each video of `root` that has captions; returns the undo. */
export function attachCaptionLines(root: HTMLElement): () => void {
  const undo: (() => void)[] = [];
  for (const video of root.querySelectorAll<HTMLVideoElement>('video[data-captions]')) {
    const cues = cuesFromData(video.dataset.captions);
    if (!cues.length) continue;
    const stage = document.createElement('div');
    stage.className = 'kb-video__stage';
    video.before(stage);
    stage.append(video);
    const line = document.createElement('div');
    line.className = 'kb-caption';
    line.hidden = true;
    stage.append(line);
    let shown: Cue | null = null;
    const show = () => {
      const cue = cueAt(cues, video.currentTime);
      if (cue === shown) return;
      shown = cue;
      // Each line of a cue is a line on screen; the text goes in as text, never as markup.
      line.replaceChildren(
        ...(cue?.text.split('\n') ?? []).map((text) => {
          const span = document.createElement('span');
          span.className = 'kb-caption__line';
          span.textContent = text;
          return span;
        }),
      );
      line.hidden = !cue;
    };
    const events = ['timeupdate', 'seeking', 'seeked', 'loadedmetadata'] as const;
    for (const name of events) video.addEventListener(name, show);
    show();
    undo.push(() => {
      for (const name of events) video.removeEventListener(name, show);
      stage.replaceWith(video);
    });
  }
  return () => undo.forEach((u) => u());
}
