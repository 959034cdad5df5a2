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
import { defineChannels } from './channel';

// Video answers (issue 6): the clips cut from a video (kept ranges, chapters, captions), planned and
// rendered, and what is done with a rendered file.

const Id = z.number().int().positive();

export const clipChannels = defineChannels({
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
});
