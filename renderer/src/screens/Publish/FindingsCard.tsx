import { Check, EyeOff, ShieldAlert, ShieldCheck, Undo2 } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { PrivacyDecision, PrivacyFinding } from '@shared/domain/faq';
import { useApiMutation } from '../../api/hooks';
import { Badge, Button, Card, ErrorMessage } from '../../components';

const keyOf = (f: PrivacyFinding) => `${f.subject}:${f.subjectId}:${f.kind}:${f.key}`;

/** The privacy check: every possible customer detail in context, with one-click decisions. */
export function FindingsCard({ findings, unresolved }: { findings: PrivacyFinding[]; unresolved: number }) {
  const { t } = useTranslation('publish');
  const decide = useApiMutation('faq:decide');
  const groups = new Map<string, PrivacyFinding[]>();
  for (const f of findings) {
    const k = `${f.subject}:${f.subjectId}`;
    groups.set(k, [...(groups.get(k) ?? []), f]);
  }
  const set = (f: PrivacyFinding, decision: PrivacyDecision | null) =>
    decide.mutate({ subject: f.subject, subjectId: f.subjectId, kind: f.kind, key: f.key, decision });

  return (
    <Card
      title={
        <span className="k-publish__card-title">
          {unresolved ? <ShieldAlert size={16} /> : <ShieldCheck size={16} />} {t('findings.title')}
        </span>
      }
      actions={
        unresolved ? (
          <Badge tone="warning">{t('findings.unresolved', { count: unresolved })}</Badge>
        ) : (
          <Badge tone="ok">
            <Check size={11} /> OK
          </Badge>
        )
      }
    >
      <div data-testid="privacy-findings">
        {decide.isError && <ErrorMessage error={decide.error} />}
        {findings.length === 0 ? (
          <p className="muted">{t('findings.none')}</p>
        ) : (
          <>
            <p className="k-publish__intro">{t(unresolved ? 'findings.intro' : 'findings.introDone')}</p>
            {[...groups.values()].map((list) => (
              <section key={`${list[0]!.subject}:${list[0]!.subjectId}`} className="k-finding-group">
                <h4>
                  {list[0]!.subject === 'capability' && <Badge>{t('findings.capability')}</Badge>}{' '}
                  {list[0]!.subjectTitle}
                </h4>
                <ul className="k-findings">
                  {list.map((f) => (
                    <li
                      key={keyOf(f)}
                      className={`k-finding ${f.decision ? 'k-finding--decided' : ''}`}
                      data-testid="finding"
                      data-decision={f.decision ?? 'open'}
                    >
                      <div className="k-finding__what">
                        <Badge tone={f.decision ? 'neutral' : 'warning'}>
                          {t(`findings.kind.${f.kind}`)}
                        </Badge>
                        <span className="k-finding__where">
                          {t('findings.in')} {t(`findings.place.${f.place}`)}
                          {f.count > 1 ? ` · ${t('findings.occurrences', { count: f.count })}` : ''}
                        </span>
                      </div>
                      <p className="k-finding__context">
                        {f.before && <span>…{f.before}</span>}
                        <mark className={f.decision === 'redact' ? 'k-finding__mark--redacted' : ''}>
                          {f.text}
                        </mark>
                        {f.after && <span>{f.after}…</span>}
                      </p>
                      <div className="k-finding__actions">
                        {f.decision === null ? (
                          <>
                            <Button
                              size="sm"
                              variant="primary"
                              icon={<EyeOff size={13} />}
                              onClick={() => set(f, 'redact')}
                              disabled={decide.isPending}
                            >
                              {t('findings.redact')}
                            </Button>
                            <Button
                              size="sm"
                              onClick={() => set(f, 'not_personal')}
                              disabled={decide.isPending}
                            >
                              {t('findings.notPersonal')}
                            </Button>
                          </>
                        ) : (
                          <>
                            <span className="k-finding__decision">
                              {f.decision === 'redact' ? t('findings.redacted') : t('findings.kept')}
                            </span>
                            <Button
                              size="sm"
                              variant="ghost"
                              icon={<Undo2 size={13} />}
                              onClick={() => set(f, null)}
                              disabled={decide.isPending}
                            >
                              {t('findings.undo')}
                            </Button>
                          </>
                        )}
                      </div>
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </>
        )}
      </div>
    </Card>
  );
}
