import { existsSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import { overlappingZooms } from '../../../shared/clips/regions';
import { segmentsFromCuts } from '../../../shared/clips/timeline';
import { Redaction, RenderMode, RenderOptions, ZoomRegion } from '../../../shared/domain/clip';
import type { FfmpegInfo } from '../../../shared/domain/video';
import { KotaeError } from '../../../shared/errors';
import { trimToFile } from '../../core/clips';
import { getAsset, resolveTools, describeTools, scanFrames, importVideo, probeFile } from '../../core/media';
import { AppSettingsStore } from '../../core/settings';
import { printJson, printTable } from '../output';
import { withLibrary } from './library';

// kotae probe / media add / trim: the app's video pipeline from the command line.

/** "90", "1:30", "1:02:03.5" or "12.34s" as seconds. */
export function parseTime(value: string): number {
  const v = value.trim().replace(/s$/, '');
  const parts = v.split(':');
  if (parts.length > 3 || parts.some((p) => !/^\d+(\.\d+)?$/.test(p))) {
    throw new KotaeError('INVALID_INPUT', { value }, `not a time: ${value}`, 'cli:trim.badTime');
  }
  return parts.reduce((acc, p) => acc * 60 + Number(p), 0);
}

function parseRange(value: string): { startS: number; endS: number } {
  const match = /^([^-]+)-([^-]+)$/.exec(value.trim());
  if (!match) throw new KotaeError('INVALID_INPUT', { value }, `not a range (A-B): ${value}`, 'cli:trim.badRange');
  const startS = parseTime(match[1]!);
  const endS = parseTime(match[2]!);
  if (endS <= startS)
    throw new KotaeError('INVALID_INPUT', { value }, `range ends before it starts: ${value}`, 'cli:trim.rangeBackwards');
  return { startS, endS };
}

/**
 * A redaction or zoom on the command line: "A-B@x,y,w,h" (the rectangle as shares of the picture,
 * 0 to 1, from its top left), for a redaction optionally ":blur", ":pixelate" or ":box".
 */
export function parseRegion(value: string, id: string, kind: 'redaction' | 'zoom'): Redaction | ZoomRegion {
  const bad = () => new KotaeError('INVALID_INPUT', { value }, `not a ${kind}: ${value}`, 'cli:trim.badRegion');
  const at = value.indexOf('@');
  if (at < 0) throw bad();
  const span = parseRange(value.slice(0, at));
  const [rectText = '', style, ...rest] = value.slice(at + 1).split(':');
  const [x, y, w, h, ...more] = rectText.split(',').map((n) => (/^\d*\.?\d+$/.test(n.trim()) ? Number(n) : NaN));
  if (rest.length || more.length || (kind === 'zoom' && style !== undefined)) throw bad();
  const parsed =
    kind === 'redaction'
      ? Redaction.safeParse({ id, ...span, rect: { x, y, w, h }, ...(style === undefined ? {} : { style }) })
      : ZoomRegion.safeParse({ id, ...span, rect: { x, y, w, h } });
  if (!parsed.success) throw bad();
  return parsed.data;
}

function toolPreferences() {
  // The CLI honours the app's ffmpeg setting when KOTAE_USER_DATA points at the app's folder.
  const settings = process.env.KOTAE_USER_DATA ? new AppSettingsStore(process.env.KOTAE_USER_DATA).get() : null;
  return { ffmpegPath: settings?.ffmpegPath ?? null, ffprobePath: settings?.ffprobePath ?? null };
}

function tools() {
  return resolveTools(toolPreferences());
}

/** `kotae probe --tools` in words: which binaries run, an old ffmpeg's reduced capability, the others. */
function printTools(info: FfmpegInfo): void {
  for (const name of ['ffmpeg', 'ffprobe'] as const) {
    const used = info[name];
    console.log(`${name.padEnd(10)} ${used ? `${used.path} (${used.version}, ${used.source})` : 'not found'}`);
    if (name === 'ffmpeg' && used && !used.exactCopyCuts) {
      console.log('           older than ffmpeg 5.0: reduced capability, lossless and smart cuts render accurately (re-encoded)');
    }
  }
  for (const r of info.rejected) console.log(`not used   ${r.source} ${r.path}: ${r.reason}`);
}

export function registerVideoCommands(program: Command): void {
  program
    .command('probe')
    .description('what ffprobe says about a video: duration, streams, codecs, size, frame rate, rotation, keyframes')
    .argument('<file>', 'video file')
    .option('--json', 'print as JSON')
    .option('--tools', 'also say which ffmpeg and ffprobe are used, and why others were not')
    .action(async (file: string, opts: { json?: boolean; tools?: boolean }) => {
      if (!existsSync(file) || !statSync(file).isFile()) throw new KotaeError('MEDIA_INVALID', { reason: 'missing', name: file }, undefined, 'videos:errors.missing');
      const t = await tools();
      const probed = await probeFile(t, file, statSync(file).size);
      const frames = probed.probe.video ? await scanFrames(t, file, probed) : null;
      const result = {
        ...probed.probe,
        durationS: frames?.endTime ?? probed.probe.durationS,
        frames: frames?.times.length ?? 0,
        keyframes: frames ? frames.keyframes.map((i) => Math.round(frames.times[i]! * 1e6) / 1e6) : [],
        variableFrameRate: frames?.variableFrameRate ?? false,
        ...(opts.tools ? { tools: await describeTools(toolPreferences()) } : {}),
      };
      if (opts.json) {
        printJson(result);
        return;
      }
      const v = result.video;
      console.log(`Format     ${result.formatName}`);
      console.log(`Duration   ${result.durationS.toFixed(3)} s`);
      if (v) {
        console.log(`Video      ${v.codec} ${v.width}×${v.height} ${v.fps.toFixed(3)} fps${result.variableFrameRate ? ' (variable)' : ''}, rotation ${v.rotation}°`);
        console.log(`Keyframes  ${result.keyframes.length}: ${result.keyframes.slice(0, 12).join(', ')}${result.keyframes.length > 12 ? ', …' : ''}`);
      }
      if (result.audio) console.log(`Audio      ${result.audio.codec} ${result.audio.sampleRate} Hz, ${result.audio.channels} ch, starts at ${result.audio.startS.toFixed(3)} s`);
      if (result.tools) printTools(result.tools);
    });

  const media = program.command('media').description('videos in a library');
  media
    .command('add')
    .description('import video files into a library (each becomes a clip you can trim)')
    .requiredOption('--library <dir>', 'library folder')
    .argument('<files...>', 'video files')
    .option('--json', 'print the result as JSON')
    .action(async (files: string[], opts: { library: string; json?: boolean }) => {
      const t = await tools();
      const results = await withLibrary(opts.library, async (library) => {
        const out = [];
        for (const file of files) out.push({ file, ...(await importVideo(library, t, file)) });
        return out;
      });
      if (opts.json) printJson(results);
      else printTable(results.map((r) => ({ file: r.file, asset: r.assetId, clip: r.clipId, added: r.added })), ['file', 'asset', 'clip', 'added']);
    });

  program
    .command('trim')
    .description('cut a video: keep --from..--to without the --cut ranges, written as H.264/AAC MP4')
    .requiredOption('--library <dir>', 'library folder')
    .argument('<source>', 'an asset id of the library, or a video file (imported first)')
    .requiredOption('--from <time>', 'in point (seconds, or m:ss)')
    .requiredOption('--to <time>', 'out point')
    .option('--cut <range...>', 'a part to remove, A-B (repeatable)')
    .option('--mode <mode>', 'lossless | accurate | smart', 'smart')
    .option('--height <pixels>', 'largest output height: 2160, 1080, 720 or 480')
    .option('--size <megabytes>', 'aim for a file of about this size')
    .option('--redact <region...>', 'hide a part: A-B@x,y,w,h[:blur|pixelate|box] (shares of the picture; repeatable)')
    .option('--zoom <region...>', 'enlarge a part: A-B@x,y,w,h (repeatable, not overlapping)')
    .option('--clean-narration', 'remove hum and noise from the sound and even its loudness (-16 LUFS)')
    .requiredOption('--out <file>', 'output file (.mp4)')
    .option('--json', 'print the plan as JSON')
    .action(
      async (
        source: string,
        opts: {
          library: string;
          from: string;
          to: string;
          cut?: string[];
          mode: string;
          height?: string;
          size?: string;
          redact?: string[];
          zoom?: string[];
          cleanNarration?: boolean;
          out: string;
          json?: boolean;
        },
      ) => {
        const mode = RenderMode.safeParse(opts.mode);
        if (!mode.success) throw new KotaeError('INVALID_INPUT', { mode: opts.mode }, 'bad --mode', 'cli:trim.badMode');
        const parsedOptions = RenderOptions.safeParse({
          resolution: opts.height ?? 'source',
          targetSizeMb: opts.size ? Number(opts.size) : null,
          cleanNarration: opts.cleanNarration ?? false,
        });
        if (!parsedOptions.success)
          throw new KotaeError('INVALID_INPUT', {}, parsedOptions.error.message, 'cli:trim.badOptions');
        const options = parsedOptions.data;
        const [fromS, toS] = [parseTime(opts.from), parseTime(opts.to)];
        if (toS <= fromS)
          throw new KotaeError('INVALID_INPUT', { from: opts.from, to: opts.to }, '--to before --from', 'cli:trim.toBeforeFrom');
        const segments = segmentsFromCuts(fromS, toS, (opts.cut ?? []).map(parseRange));
        const redactions = (opts.redact ?? []).map((r, i) => parseRegion(r, `r${i + 1}`, 'redaction') as Redaction);
        const zooms = (opts.zoom ?? []).map((z, i) => parseRegion(z, `z${i + 1}`, 'zoom') as ZoomRegion);
        const overlap = overlappingZooms(zooms);
        if (overlap) throw new KotaeError('INVALID_INPUT', {}, 'zooms overlap', 'videos:errors.zoomOverlap');
        if (segments.length === 0)
          throw new KotaeError('INVALID_INPUT', {}, 'nothing left between --from and --to', 'videos:errors.emptyEdit');
        const t = await tools();
        const plan = await withLibrary(opts.library, async (library) => {
          let assetId: number;
          if (/^\d+$/.test(source) && !existsSync(source)) {
            assetId = getAsset(library, Number(source)).id;
          } else {
            assetId = (await importVideo(library, t, source)).assetId;
          }
          let last = -1;
          return trimToFile(
            library,
            t,
            { assetId, segments, chapters: [], captions: [], renderMode: mode.data, options, title: '', redactions, zooms },
            opts.out,
            {
              onProgress: (f) => {
                const pct = Math.floor(f * 100);
                if (!opts.json && process.stderr.isTTY && pct !== last) process.stderr.write(`\r${(last = pct)}%`);
              },
            },
          );
        });
        if (!opts.json && process.stderr.isTTY) process.stderr.write('\r');
        if (opts.json) {
          printJson(plan);
          return;
        }
        if (plan.fallback && !plan.refused) {
          const what = plan.requestedMode === 'lossless' ? 'Lossless' : 'Smart';
          const why = plan.fallback === 'oldFfmpeg' ? 'oldFfmpeg: the ffmpeg in use is older than 5.0' : plan.fallback;
          console.log(`${what} cut not possible (${why}): rendered accurately.`);
        }
        for (const s of plan.segments) {
          console.log(`${s.requested.startS.toFixed(3)}–${s.requested.endS.toFixed(3)} s  ->  cut at ${s.actual.startS.toFixed(3)}–${s.actual.endS.toFixed(3)} s  (${s.parts.map((p) => p.kind).join(' + ')})`);
          for (const p of s.parts) {
            if (p.kind === 'encode' && p.why.length) console.log(`  ${p.startS.toFixed(3)}–${p.endS.toFixed(3)} s re-encoded: ${p.why.join(', ')}`);
          }
        }
        if (plan.redactions || plan.zooms) console.log(`Hidden parts ${plan.redactions}, zooms ${plan.zooms}${plan.zoomEased ? '' : ' (cut in and out: ffmpeg older than 5.0)'}`);
        if (plan.cleanNarration) console.log('Narration cleaned: hum and noise removed, loudness -16 LUFS');
        console.log(`Wrote ${opts.out}: ${plan.outputDurationS.toFixed(3)} s, ${plan.mode}`);
      },
    );
}
