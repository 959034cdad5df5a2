import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNodeByKey } from 'lexical';
import { Film, Trash2 } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/hooks';
import { IconButton } from '../../components';
import { useFormat } from '../../hooks/useFormat';
import { $isVideoNode } from './VideoNode';

/**
 * The clip block: which clip, and its chapters at the times the customer's player shows (after the
 * cuts), with the recording's time beside them when the cuts moved it (issue 17).
 */
export default function VideoComponent({
  nodeKey,
  clipId,
  title,
}: {
  nodeKey: string;
  clipId: number | null;
  title: string;
}) {
  const { t } = useTranslation('answers');
  const fmt = useFormat();
  const [editor] = useLexicalComposerContext();
  const clips = useApi('answers:clipChoices', {});
  const clip = clips.data?.find((c) => c.id === clipId) ?? null;

  const choose = (value: string) => {
    const chosen = clips.data?.find((c) => String(c.id) === value) ?? null;
    editor.update(() => {
      const node = $getNodeByKey(nodeKey);
      if ($isVideoNode(node)) node.setClip(chosen?.id ?? null, chosen?.title ?? '');
    });
  };

  return (
    <div className="k-video__card" data-testid="video-block">
      <div className="k-video__head">
        <Film size={18} aria-hidden />
        <strong>{clip?.title || title || t('editor.video.none')}</strong>
        <select
          className="k-input k-select k-video__select"
          aria-label={t('editor.video.choose')}
          value={clipId ?? ''}
          onChange={(e) => choose(e.target.value)}
        >
          <option value="">{t('editor.video.choose')}</option>
          {clips.data?.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title || `#${c.id}`}
            </option>
          ))}
        </select>
        <IconButton
          label={t('editor.remove')}
          icon={<Trash2 size={15} />}
          onClick={() => editor.update(() => $getNodeByKey(nodeKey)?.remove())}
        />
      </div>
      {clip && clip.chapters.length > 0 ? (
        <ol className="k-video__chapters">
          {clip.chapters.map((c, i) => (
            <li key={i}>
              <span className="k-video__time">{fmt.duration(c.outputS)}</span> {c.title}
              {fmt.duration(c.outputS) !== fmt.duration(c.timeS) && (
                <span className="k-video__source faint">
                  {' '}
                  ({t('editor.video.sourceTime', { time: fmt.duration(c.timeS) })})
                </span>
              )}
            </li>
          ))}
        </ol>
      ) : (
        <p className="k-video__placeholder">
          {clips.data && clips.data.length === 0 ? t('editor.video.noClips') : t('editor.video.placeholder')}
        </p>
      )}
    </div>
  );
}
