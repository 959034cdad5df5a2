import { z } from 'zod';
import {
  CaptionCue,
  Clip,
  ClipEdit,
  ClipSummary,
  Redaction,
  RenderMode,
  RenderOptions,
  RenderPlanSummary,
  Segment,
  ZoomRegion,
} from '../domain/clip';
import { AppErrorSchema } from '../domain/appError';
import { FfmpegInfo, ImportResult, ThumbnailStrip, VideoDetail, Waveform } from '../domain/video';
import { defineChannels } from './channel';

// Video answers (issue 6): importing and recording videos, the clips cut from them, rendering.

const FilePath = z.string().min(1).max(4096);
const Id = z.number().int().positive();

export const ImportOutcome = z.object({
  imported: z.array(ImportResult.extend({ name: z.string() })),
  /** Files that were refused, each with the reason (the others are imported regardless). */
  failed: z.array(z.object({ name: z.string(), error: AppErrorSchema })),
});
export type ImportOutcome = z.infer<typeof ImportOutcome>;

export const videoChannels = defineChannels({
  'media:import': { input: z.object({ paths: z.array(FilePath).min(1).max(50) }), output: ImportOutcome },
  /** Opens the file dialog first; nothing imported when it is cancelled. */
  'media:chooseImport': { input: z.object({}), output: ImportOutcome },
  'media:video': { input: z.object({ assetId: Id }), output: VideoDetail },
  'media:thumbnails': { input: z.object({ assetId: Id }), output: ThumbnailStrip },
  'media:waveform': { input: z.object({ assetId: Id }), output: Waveform },
  'media:tools': { input: z.object({}), output: FfmpegInfo },
  'clips:list': { input: z.object({ answerId: Id.optional() }), output: z.array(ClipSummary) },
  'clips:get': { input: z.object({ id: Id }), output: Clip },
  /** The captions of the clip's last render, in output time, as the bundle shows them (empty: none). */
  'clips:captions': { input: z.object({ id: Id }), output: z.array(CaptionCue).max(1000) },
  'clips:update': { input: z.object({ id: Id, edit: ClipEdit }), output: Clip },
  'clips:plan': {
    input: z.object({
      assetId: Id,
      segments: z.array(Segment).min(1).max(500),
      renderMode: RenderMode,
      options: RenderOptions,
      redactions: z.array(Redaction).max(200).default([]),
      zooms: z.array(ZoomRegion).max(200).default([]),
    }),
    output: RenderPlanSummary,
  },
  /** Starts the render as a job (progress and cancel in the status bar); the clip records the result. */
  'clips:render': { input: z.object({ id: Id }), output: z.object({ jobId: z.string() }) },
  /**
   * Takes each linked step's picture from the rendered files of the answer's clips as a job
   * (progress and cancel in the status bar; its result is a StepPicturesResult). The editor puts
   * them into the steps, so one undo takes them out.
   */
  'clips:stepPictures': { input: z.object({ answerId: Id }), output: z.object({ jobId: z.string() }) },
  /**
   * "Save video as…": asks where, then copies the clip's rendered file there as a job (a temp file
   * renamed into place). Null when the vendor cancelled the dialog.
   */
  'clips:saveVideoAs': {
    input: z.object({ id: Id }),
    output: z.object({ jobId: z.string(), target: z.string() }).nullable(),
  },
  /** "Show in folder": the clip's rendered file in the file manager. */
  'clips:showVideo': { input: z.object({ id: Id }), output: z.object({ shown: z.boolean() }) },
  'clips:delete': { input: z.object({ id: Id }), output: z.object({ deleted: z.boolean() }) },
  'recording:start': {
    input: z.object({ mimeType: z.string().max(200) }),
    output: z.object({ id: z.string() }),
  },
  /** One MediaRecorder chunk, base64 (it travels as JSON in the harness and over IPC alike). */
  'recording:append': {
    input: z.object({ id: z.string().max(64), seq: z.number().int().min(0), data: z.string().max(48 * 1024 * 1024) }),
    output: z.object({ bytes: z.number() }),
  },
  'recording:finish': {
    input: z.object({ id: z.string().max(64), name: z.string().min(1).max(200) }),
    output: ImportResult,
  },
  'recording:discard': { input: z.object({ id: z.string().max(64) }), output: z.object({ discarded: z.boolean() }) },
  'recording:pending': {
    input: z.object({}),
    output: z.array(z.object({ id: z.string(), bytes: z.number(), startedAt: z.string() })),
  },
});
