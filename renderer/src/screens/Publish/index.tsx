import { Globe } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/hooks';
import { Badge, Card, EmptyState, ErrorMessage, Loading, PageHeader } from '../../components';
import { useFormat } from '../../hooks/useFormat';
import type { ScreenProps } from '../../shell/ScreenView';

export default function Publish({ navigate }: ScreenProps) {
  const { t } = useTranslation('publish');
  const fmt = useFormat();
  const answers = useApi('answers:list', {});
  if (answers.isPending) return <Loading />;
  if (answers.isError) return <ErrorMessage error={answers.error} />;
  const published = answers.data.filter((a) => a.isPublic);
  return (
    <div className="k-screen" data-testid="screen-publish">
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <div style={{ padding: '0 24px 24px', overflow: 'auto' }}>
        {published.length === 0 ? (
          <EmptyState icon={<Globe size={40} />} title={t('emptyTitle')}>
            {t('emptyText')}
          </EmptyState>
        ) : (
          <Card title={t('publicAnswers', { count: published.length })}>
            <table className="k-table">
              <thead>
                <tr>
                  <th>{t('column.title')}</th>
                  <th>{t('column.language')}</th>
                  <th>{t('column.updated')}</th>
                  <th>{t('column.verified')}</th>
                </tr>
              </thead>
              <tbody>
                {published.map((a) => (
                  <tr key={a.id}>
                    <td>
                      <a
                        href={`#/answers/${a.id}`}
                        onClick={(e) => {
                          e.preventDefault();
                          navigate('answers', a.id);
                        }}
                      >
                        {a.title}
                      </a>
                    </td>
                    <td>
                      <Badge>{a.language === 'ja' ? '日本語' : 'English'}</Badge>
                    </td>
                    <td>{fmt.date(a.updatedAt)}</td>
                    <td>{a.verifiedVersion ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Card>
        )}
      </div>
    </div>
  );
}
