import { FolderOpen } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FaqSettings, VendorSettings } from '@shared/domain/faq';
import { useApiMutation } from '../../api/hooks';
import { Button, Card, ErrorMessage, SelectField, TextField, useToast } from '../../components';

/** Where the site goes and what it is called. */
export function SiteCard({ settings, vendor }: { settings: FaqSettings; vendor: VendorSettings }) {
  const { t } = useTranslation(['publish', 'common']);
  const toast = useToast();
  const choose = useApiMutation('faq:chooseFolder');
  const update = useApiMutation('faq:updateSettings');
  const [siteUrl, setSiteUrl] = useState(settings.siteUrl);
  const [title, setTitle] = useState(settings.title);
  const dirty = siteUrl !== settings.siteUrl || title !== settings.title;

  return (
    <Card title={t('output.title')}>
      <div className="k-publish__folder" data-testid="output-folder">
        <span className="k-field__label">{t('output.folder')}</span>
        {settings.outDir ? (
          <code className="k-publish__path">{settings.outDir}</code>
        ) : (
          <p className="muted">{t('output.noFolder')}</p>
        )}
        <Button icon={<FolderOpen size={15} />} onClick={() => choose.mutate({})} disabled={choose.isPending}>
          {settings.outDir ? t('output.change') : t('output.choose')}
        </Button>
      </div>
      {choose.isError && <ErrorMessage error={choose.error} />}
      <form
        className="k-publish__settings"
        onSubmit={(e) => {
          e.preventDefault();
          // See VendorCard: the card is re-keyed by the saved settings.
          update
            .mutateAsync({ siteUrl, title })
            .then(() => toast.show(t('common:saved'), { tone: 'ok' }))
            .catch(() => undefined);
        }}
      >
        <SelectField
          label={t('output.language')}
          value={settings.language}
          options={[
            { value: 'ja', label: '日本語' },
            { value: 'en', label: 'English' },
          ]}
          onChange={(e) => update.mutate({ language: e.target.value as 'ja' | 'en' })}
        />
        <TextField
          label={t('output.siteTitle')}
          hint={t('output.siteTitleHint', { name: vendor.name || 'Kotae' })}
          value={title}
          maxLength={200}
          onChange={(e) => setTitle(e.target.value)}
        />
        <TextField
          label={t('output.siteUrl')}
          hint={t('output.siteUrlHint')}
          value={siteUrl}
          type="url"
          placeholder="https://"
          onChange={(e) => setSiteUrl(e.target.value)}
        />
        {update.isError && <ErrorMessage error={update.error} />}
        <Button type="submit" disabled={!dirty || update.isPending}>
          {t('output.save')}
        </Button>
      </form>
    </Card>
  );
}
