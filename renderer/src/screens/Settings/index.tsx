import { FolderOpen, FolderPlus, History } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pickLocale } from '@shared/i18n';
import { useApi, useApiMutation } from '../../api/hooks';
import { Button, Card, ErrorMessage, Loading, PageHeader, SelectField } from '../../components';
import { changeLanguage } from '../../i18n';
import { useLibraryActions } from '../../shell/useLibraryActions';
import { applyTheme } from '../../shell/theme';
import type { ScreenProps } from '../../shell/ScreenView';
import { FfmpegSettings } from '../../components/FfmpegSettings';
import { BackupCard } from './BackupCard';
import { ReleasesCard } from './ReleasesCard';
import { VendorCard } from './VendorCard';
import { MessageTemplatesCard } from '../../components/MessageTemplatesDialog';
import './settings.css';

export default function Settings({ navigate }: ScreenProps) {
  const { t } = useTranslation(['settings', 'library']);
  const settings = useApi('settings:get', {});
  const info = useApi('app:info', {});
  const library = useApi('library:state', {});
  const counts = useApi('library:counts', {});
  const update = useApiMutation('settings:update');
  const [error, setError] = useState<unknown>(null);
  const actions = useLibraryActions(setError);

  if (settings.isPending || info.isPending) return <Loading />;
  if (settings.isError) return <ErrorMessage error={settings.error} />;
  if (info.isError) return <ErrorMessage error={info.error} />;
  const s = settings.data;
  const current = library.data?.status === 'open' ? library.data.info : null;

  return (
    <div className="k-screen" data-testid="screen-settings">
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <div className="k-settings">
        {error !== null && <ErrorMessage error={error} />}
        <Card title={t('appearance')}>
          <SelectField
            label={t('language')}
            value={s.language}
            options={[
              { value: 'system', label: t('languageSystem') },
              { value: 'ja', label: '日本語' },
              { value: 'en', label: 'English' },
            ]}
            onChange={async (e) => {
              const language = e.target.value as 'system' | 'ja' | 'en';
              await update.mutateAsync({ language });
              await changeLanguage(pickLocale(language, info.data.systemLocale));
            }}
          />
          <SelectField
            label={t('theme')}
            value={s.theme}
            options={[
              { value: 'system', label: t('themeSystem') },
              { value: 'light', label: t('themeLight') },
              { value: 'dark', label: t('themeDark') },
            ]}
            onChange={async (e) => {
              const theme = e.target.value as 'system' | 'light' | 'dark';
              await update.mutateAsync({ theme });
              applyTheme(theme);
            }}
          />
        </Card>
        <Card title={t('library:title')}>
          {current ? (
            <dl className="k-dl" data-testid="library-info">
              <dt>{t('library:path')}</dt>
              <dd className="mono">{current.path}</dd>
              <dt>{t('library:schema')}</dt>
              <dd>{current.schemaVersion}</dd>
              <dt>{t('library:contents')}</dt>
              <dd>
                {counts.data
                  ? t('library:countsLine', {
                      questions: counts.data.questions,
                      answers: counts.data.answers,
                      customers: counts.data.customers,
                      media: counts.data.media_assets,
                    })
                  : '…'}
              </dd>
            </dl>
          ) : (
            <p className="muted">{t('library:noneOpen')}</p>
          )}
          <div style={{ display: 'flex', gap: 8, marginTop: 14, flexWrap: 'wrap' }}>
            <Button icon={<FolderOpen size={15} />} onClick={() => void actions.openLibrary()}>
              {t('library:open')}
            </Button>
            <Button icon={<FolderPlus size={15} />} onClick={() => void actions.createLibrary(false)}>
              {t('library:create')}
            </Button>
            <Button variant="ghost" onClick={() => void actions.createLibrary(true)}>
              {t('library:createDemo')}
            </Button>
          </div>
          {s.recentLibraries.filter((p) => p !== current?.path).length > 0 && (
            <>
              <h3 className="k-settings__subhead">
                <History size={13} /> {t('library:recent')}
              </h3>
              <ul className="k-link-list">
                {s.recentLibraries
                  .filter((p) => p !== current?.path)
                  .map((p) => (
                    <li key={p}>
                      <button
                        type="button"
                        className="k-linklike mono"
                        onClick={() => void actions.openRecent(p)}
                      >
                        {p}
                      </button>
                    </li>
                  ))}
              </ul>
            </>
          )}
        </Card>
        <BackupCard hasLibrary={current !== null} />
        <FfmpegSettings />
        {current && !current.readOnly && <VendorCard />}
        {current && !current.readOnly && <ReleasesCard navigate={navigate} />}
        {current && !current.readOnly && <MessageTemplatesCard />}
        <Card title={t('about')}>
          <dl className="k-dl">
            <dt>{t('version')}</dt>
            <dd>{info.data.version}</dd>
            <dt>{t('dataFolder')}</dt>
            <dd className="mono">{info.data.userDataDir}</dd>
            <dt>{t('shell')}</dt>
            <dd>{info.data.shell}</dd>
          </dl>
        </Card>
      </div>
    </div>
  );
}
