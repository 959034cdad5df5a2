// AAC in ADTS frames: every frame carries its own header, so copied audio can be cut at any frame
// and frames from different places joined, exactly, without re-encoding.

export interface AdtsFrame {
  offset: number;
  length: number;
}

/** Splits an ADTS stream into frames; stops at the first byte that is not a frame header. */
export function adtsFrames(data: Uint8Array): AdtsFrame[] {
  const frames: AdtsFrame[] = [];
  let at = 0;
  while (at + 7 <= data.length) {
    if (data[at] !== 0xff || (data[at + 1]! & 0xf0) !== 0xf0) break;
    const length = ((data[at + 3]! & 0x03) << 11) | (data[at + 4]! << 3) | (data[at + 5]! >> 5);
    if (length < 7 || at + length > data.length) break;
    frames.push({ offset: at, length });
    at += length;
  }
  return frames;
}

export interface AudioPick {
  /** Index of the first frame taken and how many, per segment. */
  ranges: { first: number; count: number }[];
  /** Where the first frame taken plays in the output (seconds; > 0 when the sound starts late). */
  offsetS: number;
}

/**
 * Which audio frames to copy for each kept video segment so the sound stays with the picture:
 * each segment starts with the frame nearest to where its sound should begin, and takes as many
 * frames as bring the audio's end nearest to the video's. Sound and picture are never more than
 * half a frame (about 11 ms for AAC at 48 kHz) apart, however many cuts there are.
 */
export function pickAudioFrames(
  segments: readonly { startS: number; endS: number }[],
  audio: { firstS: number; count: number; packetS: number },
): AudioPick {
  const ranges: AudioPick['ranges'] = [];
  let videoPos = 0; // where the next segment's picture starts in the output
  let audioPos = 0; // where the next copied audio frame will play in the output
  let offsetS = 0;
  segments.forEach((s, i) => {
    const length = s.endS - s.startS;
    let first: number;
    if (i === 0) {
      // The track starts with the frame nearest the first picture (or later, if the sound does).
      const want = Math.max(s.startS, audio.firstS);
      first = Math.max(0, Math.min(audio.count, Math.round((want - audio.firstS) / audio.packetS)));
      offsetS = Math.max(0, audio.firstS + first * audio.packetS - s.startS);
      audioPos = offsetS;
    } else {
      // Source time whose sound belongs at audioPos: where the picture is, plus the audio's lead.
      const want = s.startS + (audioPos - videoPos);
      first = Math.max(0, Math.min(audio.count, Math.round((want - audio.firstS) / audio.packetS)));
    }
    const target = videoPos + length;
    const count = Math.max(0, Math.min(audio.count - first, Math.round((target - audioPos) / audio.packetS)));
    ranges.push({ first, count });
    audioPos += count * audio.packetS;
    videoPos = target;
  });
  return { ranges, offsetS };
}
