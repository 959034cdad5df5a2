import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ChevronDown, TextQuote, X } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Template } from '@shared/domain/answer';
import { useApiMutation } from '../../../api/hooks';
import { Button, Dialog, ErrorMessage, SelectField, TextField, useToast } from '../../../components';
import { $selectionAsSnippet, INSERT_SNIPPET_COMMAND } from './index';

const kinds = ['greeting', 'closing', 'steps', 'snippet'] as const;

/** The toolbar's snippet menu: insert a saved snippet, save the selected blocks as a new one. */
export function SnippetMenu({
  snippets,
  language,
  customerName,
}: {
  snippets: Template[];
  language: 'ja' | 'en';
  customerName: string | null;
}) {
  const { t } = useTranslation(['answers', 'common']);
  const [editor] = useLexicalComposerContext();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState<{ body: string } | null>(null);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<(typeof kinds)[number]>('snippet');
  const save = useApiMutation('templates:save');
  const remove = useApiMutation('templates:delete');
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  // The answer's language first: a Japanese answer wants Japanese greetings.
  const sorted = [...snippets].sort(
    (a, b) => Number(b.language === language) - Number(a.language === language),
  );

  return (
    <div className="k-menu" ref={ref}>
      <Button
        size="sm"
        variant="ghost"
        icon={<TextQuote size={15} />}
        aria-expanded={open}
        aria-haspopup="menu"
        onClick={() => setOpen((o) => !o)}
      >
        {t('editor.snippets.menu')}
        <ChevronDown size={13} />
      </Button>
      {open && (
        <div className="k-menu__popover" role="menu">
          {sorted.map((s) => (
            <div key={s.id} className="k-menu__row">
              <button
                type="button"
                role="menuitem"
                className="k-menu__item"
                onClick={() => {
                  editor.dispatchCommand(INSERT_SNIPPET_COMMAND, { template: s, customerName });
                  setOpen(false);
                }}
              >
                <span>{s.name}</span>
                <span className="k-menu__meta">
                  {t(`editor.snippets.kind.${s.kind}`, { defaultValue: s.kind })} · {s.language.toUpperCase()}
                </span>
              </button>
              <button
                type="button"
                className="k-menu__remove"
                aria-label={t('editor.snippets.delete', { name: s.name })}
                title={t('editor.snippets.delete', { name: s.name })}
                onClick={() =>
                  remove.mutate(
                    { id: s.id },
                    { onSuccess: () => toast.show(t('editor.snippets.deleted', { name: s.name })) },
                  )
                }
              >
                <X size={13} />
              </button>
            </div>
          ))}
          {!sorted.length && <div className="k-menu__empty">{t('editor.snippets.none')}</div>}
          <button
            type="button"
            role="menuitem"
            className="k-menu__item k-menu__item--action"
            onClick={() => {
              const body = editor.getEditorState().read(() => $selectionAsSnippet());
              setOpen(false);
              if (!body) {
                toast.show(t('editor.snippets.selectFirst'));
                return;
              }
              setName('');
              setSaving({ body });
            }}
          >
            {t('editor.snippets.saveSelection')}
          </button>
        </div>
      )}
      <Dialog
        open={saving !== null}
        title={t('editor.snippets.saveTitle')}
        onClose={() => setSaving(null)}
        footer={
          <>
            <Button onClick={() => setSaving(null)}>{t('common:cancel')}</Button>
            <Button
              variant="primary"
              disabled={!name.trim() || save.isPending}
              onClick={() =>
                saving &&
                save.mutate(
                  { kind, language, name: name.trim(), body: saving.body },
                  {
                    onSuccess: () => {
                      setSaving(null);
                      toast.show(t('editor.snippets.saved', { name: name.trim() }), { tone: 'ok' });
                    },
                  },
                )
              }
            >
              {t('common:save')}
            </Button>
          </>
        }
      >
        <TextField
          label={t('editor.snippets.name')}
          value={name}
          autoFocus
          onChange={(e) => setName(e.target.value)}
        />
        <SelectField
          label={t('editor.snippets.kindLabel')}
          value={kind}
          onChange={(e) => setKind(e.target.value as (typeof kinds)[number])}
          options={kinds.map((k) => ({ value: k, label: t(`editor.snippets.kind.${k}`) }))}
        />
        {save.isError && <ErrorMessage error={save.error} />}
      </Dialog>
    </div>
  );
}
