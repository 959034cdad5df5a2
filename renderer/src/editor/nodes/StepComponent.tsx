import { $getNodeByKey, type LexicalEditor } from 'lexical';
import {
  ArrowDown,
  ArrowUp,
  CheckCircle2,
  Film,
  ImagePlus,
  PlayCircle,
  Tags,
  Trash2,
  X,
  XCircle,
} from 'lucide-react';
import { useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { mediaUrl } from '../../api/client';
import { useApi } from '../../api/hooks';
import { IconButton, useToast } from '../../components';
import { useFormat } from '../../hooks/useFormat';
import { ErrorText } from '../ErrorText';
import { storeImageFile } from '../images';
import { MOVE_BLOCK_COMMAND } from '../plugins/MoveBlockPlugin';
import { StepCapabilitiesDialog } from './StepCapabilitiesDialog';
import { StepVideoLinkDialog } from './StepVideoLinkDialog';
import { $isStepNode, type StepProps } from './StepNode';

/** What a step shows around its text: number, screenshot, video moment, verification, actions. */
export function StepChrome({
  editor,
  nodeKey,
  data,
  gutter,
  extras,
}: {
  editor: LexicalEditor;
  nodeKey: string;
  data: StepProps;
  gutter: HTMLElement;
  extras: HTMLElement;
}) {
  const { t } = useTranslation('answers');
  const fmt = useFormat();
  const toast = useToast();
  const fileInput = useRef<HTMLInputElement>(null);
  const [linking, setLinking] = useState(false);
  const [pickingCapabilities, setPickingCapabilities] = useState(false);
  const capabilities = useApi('capabilities:list', {}, { enabled: data.capabilityIds.length > 0 });
  const linkedCapabilities = data.capabilityIds.map(
    (id) => capabilities.data?.find((c) => c.id === id)?.title ?? `#${id}`,
  );
  const clips = useApi('answers:clipChoices', {}, { enabled: data.videoLink !== null });
  const clip = clips.data?.find((c) => c.id === data.videoLink?.clipId);

  const update = (patch: Partial<Omit<StepProps, 'stepId'>>) =>
    editor.update(() => {
      const node = $getNodeByKey(nodeKey);
      if ($isStepNode(node)) node.setProps(patch);
    });

  const addScreenshot = async (file: File | undefined) => {
    if (!file) return;
    try {
      const image = await storeImageFile(file);
      update({ screenshot: { sha256: image.sha256, ext: image.ext, alt: file.name } });
    } catch (err) {
      toast.show(<ErrorText error={err} />, { tone: 'danger' });
    }
  };

  const move = (direction: 'up' | 'down') => {
    editor.update(() => $getNodeByKey(nodeKey)?.selectStart());
    editor.dispatchCommand(MOVE_BLOCK_COMMAND, direction);
  };

  return (
    <>
      {createPortal(<span className="k-step__number" aria-hidden />, gutter)}
      {createPortal(
        <>
          {data.screenshot && (
            <figure className="k-step__shot">
              <img
                src={mediaUrl(data.screenshot.sha256)}
                alt={data.screenshot.alt}
                data-testid="step-screenshot"
              />
              <IconButton
                className="k-step__shot-remove"
                label={t('editor.step.removeScreenshot')}
                icon={<X size={14} />}
                onClick={() => update({ screenshot: null })}
              />
            </figure>
          )}
          {data.videoLink && (
            <div className="k-step__video" data-testid="step-video-link">
              <PlayCircle size={14} aria-hidden />
              {/* Opens the clip in the trim editor at this step's moment (#/videos/<clip>/<seconds>). */}
              <a
                href={`#/videos/${data.videoLink.clipId}/${data.videoLink.timeS}`}
                data-testid="step-video-open"
              >
                {t('editor.step.videoAt', {
                  clip: clip?.title || `#${data.videoLink.clipId}`,
                  time: fmt.duration(data.videoLink.timeS),
                })}
              </a>
              <IconButton
                label={t('editor.step.removeVideo')}
                icon={<X size={13} />}
                onClick={() => update({ videoLink: null })}
              />
            </div>
          )}
          {data.failed && (
            <div className="k-step__failed" data-testid="step-failed" role="status">
              <XCircle size={13} aria-hidden />
              {t('editor.step.failed', {
                version: data.failed.version,
                date: fmt.date(data.failed.at),
              })}
            </div>
          )}
          {data.verified && (
            <div className="k-step__verified" data-testid="step-verified">
              <CheckCircle2 size={13} aria-hidden />
              {t('editor.step.verified', {
                version: data.verified.version,
                date: fmt.date(data.verified.at),
              })}
            </div>
          )}
          {data.capabilityIds.length > 0 && (
            <div className="k-step__capabilities" data-testid="step-capabilities">
              <Tags size={13} aria-hidden />
              <span className="visually-hidden">{t('followUp:step.capabilities')}: </span>
              {linkedCapabilities.join('、')}
            </div>
          )}
          <div className="k-step__actions">
            <IconButton
              label={t('editor.step.addScreenshot')}
              icon={<ImagePlus size={15} />}
              onClick={() => fileInput.current?.click()}
            />
            <IconButton
              label={t('editor.step.linkVideo')}
              icon={<Film size={15} />}
              onClick={() => setLinking(true)}
            />
            <IconButton
              label={t('followUp:step.link')}
              icon={<Tags size={15} />}
              onClick={() => setPickingCapabilities(true)}
            />
            <IconButton
              label={t('editor.step.moveUp')}
              icon={<ArrowUp size={15} />}
              onClick={() => move('up')}
            />
            <IconButton
              label={t('editor.step.moveDown')}
              icon={<ArrowDown size={15} />}
              onClick={() => move('down')}
            />
            <IconButton
              label={t('editor.step.remove')}
              icon={<Trash2 size={15} />}
              onClick={() => editor.update(() => $getNodeByKey(nodeKey)?.remove())}
            />
            <input
              ref={fileInput}
              type="file"
              accept="image/png,image/jpeg,image/gif,image/webp"
              hidden
              onChange={(e) => {
                void addScreenshot(e.target.files?.[0]);
                e.target.value = '';
              }}
            />
          </div>
        </>,
        extras,
      )}
      {pickingCapabilities &&
        createPortal(
          <StepCapabilitiesDialog
            current={data.capabilityIds}
            onClose={() => setPickingCapabilities(false)}
            onSave={(ids) => {
              update({ capabilityIds: ids });
              setPickingCapabilities(false);
            }}
          />,
          document.body,
        )}
      {linking &&
        createPortal(
          <StepVideoLinkDialog
            current={data.videoLink}
            onClose={() => setLinking(false)}
            onSave={(link) => {
              update({ videoLink: link });
              setLinking(false);
            }}
          />,
          document.body,
        )}
    </>
  );
}
