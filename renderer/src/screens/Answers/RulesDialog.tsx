import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckRules, ToneCategory, type LanguageRules } from '@shared/domain/checks';
import { useApi, useApiMutation } from '../../api/hooks';
import { Button, Dialog, ErrorMessage, Loading, TextArea, useToast } from '../../components';

type Lang = 'ja' | 'en';
type Texts = Record<string, string>;

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

function toTexts(rules: LanguageRules): Texts {
  const texts: Texts = {
    apologyOpeners: rules.apologyOpeners.join('\n'),
    acknowledgements: rules.acknowledgements.join('\n'),
    jargon: rules.jargon.map((j) => `${j.term} | ${j.level} | ${j.plain}`).join('\n'),
  };
  for (const category of ToneCategory.options) {
    const rule = rules.tone.find((r) => r.category === category);
    texts[category] = rule?.phrases.join('\n') ?? '';
    texts[`${category}Advice`] = rule?.advice ?? '';
  }
  return texts;
}

function fromTexts(texts: Texts): { rules: LanguageRules } | { badLine: number } {
  const jargon: LanguageRules['jargon'] = [];
  const jargonLines = texts.jargon!.split('\n');
  for (let i = 0; i < jargonLines.length; i++) {
    const line = jargonLines[i]!.trim();
    if (!line) continue;
    const [term, level, ...plain] = line.split('|').map((s) => s.trim());
    if (!term || (level !== 'intermediate' && level !== 'expert')) return { badLine: i + 1 };
    jargon.push({ term, level, plain: plain.join(' | ') });
  }
  return {
    rules: {
      tone: ToneCategory.options.map((category) => ({
        category,
        phrases: lines(texts[category] ?? ''),
        advice: (texts[`${category}Advice`] ?? '').trim(),
      })),
      apologyOpeners: lines(texts.apologyOpeners ?? ''),
      acknowledgements: lines(texts.acknowledgements ?? ''),
      jargon,
    },
  };
}

/** The vendor's own rule list for the tone and jargon checks, one phrase per line. */
export function RulesDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation(['checks', 'common', 'answers']);
  const toast = useToast();
  const current = useApi('checks:rules', {});
  const save = useApiMutation('checks:saveRules');
  const [lang, setLang] = useState<Lang>('ja');
  const [edited, setEdited] = useState<Partial<Record<Lang, Texts>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const texts = edited[lang] ?? (current.data ? toTexts(current.data.rules[lang]) : null);
  const set = (key: string, value: string) =>
    setEdited((e) => ({ ...e, [lang]: { ...texts!, [key]: value } }));

  const submit = () => {
    if (!current.data) return;
    const next: CheckRules = structuredClone(current.data.rules);
    for (const l of ['ja', 'en'] as const) {
      const e = edited[l];
      if (!e) continue;
      const parsed = fromTexts(e);
      if ('badLine' in parsed) {
        setLang(l);
        setProblem(t('rules.badJargonLine', { line: parsed.badLine }));
        return;
      }
      next[l] = parsed.rules;
    }
    setProblem(null);
    save.mutate(
      { rules: CheckRules.parse(next) },
      {
        onSuccess: () => {
          toast.show(t('rules.saved'), { tone: 'ok' });
          onClose();
        },
      },
    );
  };

  const field = (key: string, label: string, rows = 4) => (
    <TextArea
      label={label}
      rows={rows}
      value={texts?.[key] ?? ''}
      onChange={(e) => set(key, e.target.value)}
    />
  );

  return (
    <Dialog
      open
      width={760}
      title={t('rules.title')}
      onClose={onClose}
      footer={
        <>
          <Button
            onClick={() =>
              save.mutate({ rules: null }, { onSuccess: () => (setEdited({}), toast.show(t('rules.saved'))) })
            }
          >
            {t('rules.reset')}
          </Button>
          <Button onClick={onClose}>{t('common:cancel')}</Button>
          <Button variant="primary" disabled={!current.data || save.isPending} onClick={submit}>
            {t('rules.save')}
          </Button>
        </>
      }
    >
      <p className="faint">{t('rules.intro')}</p>
      <div className="k-tabs" role="tablist" aria-label={t('rules.language')}>
        {(['ja', 'en'] as const).map((l) => (
          <button
            key={l}
            type="button"
            role="tab"
            aria-selected={lang === l}
            className={lang === l ? 'is-on' : ''}
            onClick={() => setLang(l)}
          >
            {t(`answers:language.${l}`)}
          </button>
        ))}
      </div>
      {!texts ? (
        <Loading />
      ) : (
        <div className="k-rules">
          {ToneCategory.options.map((category) => (
            <div key={category} className="k-rules__group">
              {field(category, t(`rules.${category}`))}
              {field(`${category}Advice`, t('rules.advice'), 2)}
            </div>
          ))}
          {field('apologyOpeners', t('rules.apologyOpeners'))}
          {field('acknowledgements', t('rules.acknowledgements'))}
          {field('jargon', t('rules.jargon'), 8)}
        </div>
      )}
      {problem && (
        <div className="k-error" role="alert">
          {problem}
        </div>
      )}
      {save.isError && <ErrorMessage error={save.error} />}
    </Dialog>
  );
}
