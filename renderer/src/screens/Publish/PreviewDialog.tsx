import { useTranslation } from 'react-i18next';
import { UNDECIDED_CLOSE, UNDECIDED_OPEN } from '@shared/domain/faq';
import { useApi } from '../../api/hooks';
import { Dialog, DocumentView, ErrorMessage, Loading } from '../../components';

/** A published text with its undecided findings (between the preview's markers) highlighted. */
function MarkedText({ text }: { text: string }) {
  const parts: { text: string; marked: boolean }[] = [];
  let marked = false;
  let run = '';
  for (const ch of text) {
    if (ch !== UNDECIDED_OPEN && ch !== UNDECIDED_CLOSE) {
      run += ch;
      continue;
    }
    if (run) parts.push({ text: run, marked });
    run = '';
    marked = ch === UNDECIDED_OPEN;
  }
  if (run) parts.push({ text: run, marked });
  return (
    <>
      {parts.map((p, i) =>
        p.marked ? (
          <mark key={i} data-testid="preview-undecided">
            {p.text}
          </mark>
        ) : (
          p.text
        ),
      )}
    </>
  );
}

/**
 * Exactly what the FAQ will publish for one answer: its public title and public version, redacted
 * as decided, drawn by the renderer the site uses (the same blocks, pictures, videos, chapters and
 * captions), with the findings nobody has decided about highlighted.
 */
export function PreviewDialog({ answerId, onClose }: { answerId: number; onClose: () => void }) {
  const { t } = useTranslation('publish');
  const preview = useApi('faq:preview', { answerId });
  const p = preview.data;
  return (
    <Dialog open title={t('preview.title')} onClose={onClose} width={760}>
      {preview.isPending ? (
        <Loading />
      ) : preview.isError ? (
        <ErrorMessage error={preview.error} />
      ) : p ? (
        <article className="k-preview" data-testid="public-preview" lang={p.language}>
          <p className="muted k-preview__intro">{t('preview.intro')}</p>
          <h3 className="k-preview__title">
            <MarkedText text={p.publishedTitle} />
          </h3>
          {p.title !== p.ownTitle && (
            <p className="faint k-preview__own">{t('preview.ownTitle', { title: p.ownTitle })}</p>
          )}
          <DocumentView doc={p.doc} language={p.language} clips={p.clips} undecided />
        </article>
      ) : null}
    </Dialog>
  );
}
