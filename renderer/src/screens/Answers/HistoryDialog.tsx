import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { diffDocuments, type DiffRow, type DocLine } from '@shared/answers/diff';
import type { AnswerDocument } from '@shared/answers/document';
import { documentError, parseAnswerDocument } from '@shared/answers/validate';
import type { RevisionSummary } from '@shared/domain/answer';
import { useApi } from '../../api/hooks';
import { Button, Dialog, ErrorMessage, Loading } from '../../components';
import { useFormat } from '../../hooks/useFormat';

/** A revision's note in words: the machine notes ('@auto'…) translated, the vendor's as typed. */
export function useRevisionNote() {
  const { t } = useTranslation('answers');
  return (note: string): string => {
    if (note === '@created') return t('history.note.created');
    if (note === '@auto') return t('history.note.auto');
    if (note === '@before-restore') return t('history.note.beforeRestore');
    if (note === 'demo') return t('history.note.demo');
    const restored = /^@restored:(\d+)$/.exec(note);
    if (restored) return t('history.note.restored', { revision: restored[1] });
    return note;
  };
}

function LineLabel({ line }: { line: DocLine }) {
  const { t } = useTranslation(['answers', 'checks']);
  return (
    <span className="k-diff__label">
      {t(`line.${line.kind}`, { n: line.n, field: line.field ? t(`checks:field.${line.field}`) : '' })}
    </span>
  );
}

function Row({ row }: { row: DiffRow }) {
  if (row.op === 'same') return null;
  return (
    <li className={`k-diff__row k-diff__row--${row.op}`} data-testid={`diff-${row.op}`}>
      <LineLabel line={row.line} />
      <div className="k-diff__text">
        {row.op === 'changed' ? (
          row.parts.map((p, i) =>
            p.op === 'same' ? (
              <span key={i}>{p.text}</span>
            ) : p.op === 'added' ? (
              <ins key={i}>{p.text}</ins>
            ) : (
              <del key={i}>{p.text}</del>
            ),
          )
        ) : row.op === 'added' ? (
          <ins>{row.line.text}</ins>
        ) : (
          <del>{row.line.text}</del>
        )}
      </div>
    </li>
  );
}

/** Revisions of an answer: what changed since each one, and restoring one. */
export function HistoryDialog({
  answerId,
  title,
  current,
  onClose,
  onRestore,
}: {
  answerId: number;
  title: string;
  current: AnswerDocument;
  onClose: () => void;
  onRestore: (revision: number) => void;
}) {
  const { t } = useTranslation('answers');
  const fmt = useFormat();
  const note = useRevisionNote();
  const revisions = useApi('answers:revisions', { id: answerId });
  const [selected, setSelected] = useState<number | null>(null);
  const revision = useApi(
    'answers:revision',
    { id: answerId, revision: selected ?? 0 },
    { enabled: selected !== null },
  );
  // History is kept as it was written: a revision from before the document schema may fail it
  // (issue 15), and is then named, not diffed or offered for restore.
  const checked = revision.data ? parseAnswerDocument(revision.data.doc) : null;
  const unreadable =
    checked && !checked.ok && selected !== null
      ? documentError(checked.problem, {
          messageKey: 'errors:REVISION_INVALID',
          params: { revision: selected },
        }).toJSON()
      : null;
  const rows = checked?.ok ? diffDocuments(checked.doc, current) : [];
  const changes = rows.filter((r) => r.op !== 'same');

  return (
    <Dialog
      open
      width={920}
      title={`${t('history.title')} — ${title}`}
      onClose={onClose}
      footer={
        selected !== null && (
          <Button variant="primary" onClick={() => onRestore(selected)} disabled={!checked?.ok}>
            {t('history.restore', { revision: selected })}
          </Button>
        )
      }
    >
      <div className="k-history">
        <ol className="k-history__list" aria-label={t('history.title')}>
          {revisions.data?.map((r: RevisionSummary) => (
            <li key={r.revision}>
              <button
                type="button"
                className={`k-history__item ${selected === r.revision ? 'is-selected' : ''}`}
                aria-current={selected === r.revision ? 'true' : undefined}
                onClick={() => setSelected(r.revision)}
              >
                <strong>{t('history.revision', { revision: r.revision })}</strong>
                <span className="faint">{fmt.dateTime(r.createdAt)}</span>
                {r.note && <span className="k-history__note">{note(r.note)}</span>}
                <span className="faint">{t('history.chars', { count: r.chars })}</span>
              </button>
            </li>
          ))}
        </ol>
        <div className="k-history__diff">
          {revisions.isError && <ErrorMessage error={revisions.error} />}
          {selected === null ? (
            <p className="faint">{t('history.empty')}</p>
          ) : revision.isPending ? (
            <Loading />
          ) : revision.isError ? (
            <ErrorMessage error={revision.error} />
          ) : unreadable ? (
            <ErrorMessage error={unreadable} />
          ) : (
            <>
              <h3 className="k-history__heading">{t('history.compare', { revision: selected })}</h3>
              {changes.length === 0 ? (
                <p className="faint">{t('history.same')}</p>
              ) : (
                <ul className="k-diff" data-testid="revision-diff">
                  {changes.map((row, i) => (
                    <Row key={i} row={row} />
                  ))}
                </ul>
              )}
            </>
          )}
        </div>
      </div>
    </Dialog>
  );
}
