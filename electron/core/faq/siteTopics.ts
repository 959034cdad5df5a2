import type { Prepared } from './prepare';
import { redactCapabilityText } from './prepare';
import type { Translate } from './site/labels';
import type { SiteTopic } from './site/pages';

/** The topics as the site shows them: capability titles and descriptions, redacted as decided. */
export function siteTopics(prepared: Prepared, t: Translate, placeholder: string): SiteTopic[] {
  const title = (capabilityId: number, value: string) =>
    redactCapabilityText(prepared, capabilityId, 'title', value, placeholder);
  const text = (capabilityId: number, value: string) =>
    redactCapabilityText(prepared, capabilityId, 'description', value, placeholder);
  return prepared.structure.topics.map((tm) => {
    const topicTitle = tm.capability ? title(tm.capability.id, tm.capability.title) : t('other');
    return {
      id: tm.id,
      path: tm.path,
      title: topicTitle,
      description: tm.capability ? text(tm.capability.id, tm.capability.description) : t('otherText'),
      sections: tm.sections.map((s) => ({
        title: s.capability ? title(s.capability.id, s.capability.title) : topicTitle,
        description: s.capability ? text(s.capability.id, s.capability.description) : '',
        answerIds: s.answerIds,
      })),
      answerIds: tm.answerIds,
    };
  });
}
