import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicPreview } from '@shared/domain/faq';
import { useApi } from '../../api/hooks';
import { Dialog, ErrorMessage, Loading } from '../../components';

/** One text of the preview: redacted findings as the site shows them, undecided ones marked. */
function UnitText({ unit, redacted }: { unit: PublicPreview['units'][number]; redacted: string }) {
  const parts: ReactNode[] = [];
  let at = 0;
  const marks = [...unit.marks].sort((a, b) => a.start - b.start);
  marks.forEach((m, i) => {
    if (m.start < at) return;
    parts.push(unit.text.slice(at, m.start));
    const text = unit.text.slice(m.start, m.end);
    if (m.decision === 'redact')
      parts.push(
        <span key={i} className="k-preview__redacted" data-testid="preview-redacted" title={text}>
          {redacted}
        </span>,
      );
    else if (m.decision === null)
      parts.push(
        <mark key={i} data-testid="preview-undecided">
          {text}
        </mark>,
      );
    else parts.push(text);
    at = m.end;
  });
  parts.push(unit.text.slice(at));
  return <>{parts}</>;
}

/**
 * Exactly what the FAQ will publish for one answer: its public title and public version, with
 * decided redactions as the site shows them and undecided findings highlighted.
 */
export function PreviewDialog({ answerId, onClose }: { answerId: number; onClose: () => void }) {
  const { t, i18n } = useTranslation('publish');
  const preview = useApi('faq:preview', { answerId });
  const p = preview.data;
  // The placeholder the site puts in, in the answer's language.
  const redacted = p ? i18n.getFixedT(p.language, 'publish')('site.redacted') : '';
  return (
    <Dialog open title={t('preview.title')} onClose={onClose} width={720}>
      {preview.isPending ? (
        <Loading />
      ) : preview.isError ? (
        <ErrorMessage error={preview.error} />
      ) : p ? (
        <article className="k-preview" data-testid="public-preview" lang={p.language}>
          <p className="muted k-preview__intro">{t('preview.intro')}</p>
          {p.units.map((unit, i) =>
            unit.place === 'title' ? (
              <h3 key={i} className="k-preview__title">
                <UnitText unit={unit} redacted={redacted} />
              </h3>
            ) : (
              <p key={i} className={`k-preview__unit k-preview__unit--${unit.place}`}>
                {unit.place !== 'body' && (
                  <span className="faint k-preview__place">{t(`findings.place.${unit.place}`)}: </span>
                )}
                <UnitText unit={unit} redacted={redacted} />
              </p>
            ),
          )}
          {p.title !== p.ownTitle && (
            <p className="faint k-preview__own">{t('preview.ownTitle', { title: p.ownTitle })}</p>
          )}
        </article>
      ) : null}
    </Dialog>
  );
}
