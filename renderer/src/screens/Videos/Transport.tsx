import {
  ChevronLeft,
  ChevronRight,
  EyeOff,
  Flag,
  Pause,
  Play,
  RotateCcw,
  Scissors,
  SkipBack,
  SquareArrowDown,
  SquareArrowUp,
  Trash2,
  ZoomIn,
} from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { IconButton } from '../../components';
import type { RegionKind } from './regionEdit';
import { timecode } from './timecode';

export interface TransportActions {
  setIn: () => void;
  setOut: () => void;
  split: () => void;
  removePart: () => void;
  restore: () => void;
  addChapter: () => void;
}

/** The preview's buttons: move through the video, and cut it (the same as the keys). */
export function Transport({
  playing,
  here,
  canRemovePart,
  onBack,
  onStep,
  onPlay,
  onPause,
  actions,
  tool,
  onTool,
}: {
  playing: boolean;
  here: number;
  canRemovePart: boolean;
  onBack: () => void;
  onStep: (delta: number) => void;
  onPlay: () => void;
  onPause: () => void;
  actions: TransportActions;
  /** Drawing a redaction or zoom on the picture, or null. */
  tool: RegionKind | null;
  onTool: (tool: RegionKind | null) => void;
}) {
  const { t } = useTranslation('videos');
  return (
    <div className="k-trim__transport" role="toolbar" aria-label={t('preview')}>
      <IconButton label={t('transport.back')} icon={<SkipBack size={16} />} onClick={onBack} />
      <IconButton
        label={t('transport.prevFrame')}
        icon={<ChevronLeft size={16} />}
        onClick={() => onStep(-1)}
      />
      {playing ? (
        <IconButton
          label={t('transport.pause')}
          icon={<Pause size={18} />}
          onClick={onPause}
          data-testid="pause"
        />
      ) : (
        <IconButton
          label={t('transport.play')}
          icon={<Play size={18} />}
          onClick={onPlay}
          data-testid="play"
        />
      )}
      <IconButton
        label={t('transport.nextFrame')}
        icon={<ChevronRight size={16} />}
        onClick={() => onStep(1)}
      />
      <span className="k-trim__time mono" data-testid="current-time">
        {timecode(here)}
      </span>
      <span className="k-trim__spacer" />
      <IconButton
        label={t('transport.setIn')}
        icon={<SquareArrowDown size={16} />}
        onClick={actions.setIn}
        data-testid="set-in"
      />
      <IconButton
        label={t('transport.setOut')}
        icon={<SquareArrowUp size={16} />}
        onClick={actions.setOut}
        data-testid="set-out"
      />
      <IconButton
        label={t('transport.split')}
        icon={<Scissors size={16} />}
        onClick={actions.split}
        data-testid="split"
      />
      <IconButton
        label={t('transport.removePart')}
        icon={<Trash2 size={16} />}
        onClick={actions.removePart}
        disabled={!canRemovePart}
        data-testid="remove-part"
      />
      <IconButton
        label={t('transport.addChapter')}
        icon={<Flag size={16} />}
        onClick={actions.addChapter}
        data-testid="add-chapter"
      />
      <IconButton label={t('transport.restore')} icon={<RotateCcw size={16} />} onClick={actions.restore} />
      <span className="k-trim__sep" aria-hidden />
      <IconButton
        label={t('regions.redact')}
        icon={<EyeOff size={16} />}
        aria-pressed={tool === 'redaction'}
        className={tool === 'redaction' ? 'is-on' : ''}
        onClick={() => onTool(tool === 'redaction' ? null : 'redaction')}
        data-testid="tool-redact"
      />
      <IconButton
        label={t('regions.zoom')}
        icon={<ZoomIn size={16} />}
        aria-pressed={tool === 'zoom'}
        className={tool === 'zoom' ? 'is-on' : ''}
        onClick={() => onTool(tool === 'zoom' ? null : 'zoom')}
        data-testid="tool-zoom"
      />
    </div>
  );
}
