import { CheckCircle2 } from 'lucide-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  findNodes,
  isElement,
  nodeText,
  resolutionFields,
  type AnswerDocument,
  type DocNode,
  type ElementBase,
  type ResolutionNode,
  type StepNode,
  type TextNode,
} from '@shared/answers/document';
import { safeHref } from '@shared/answers/renderHtml';
import { mediaUrl } from '../../api/client';

function renderText(node: TextNode, key: number): ReactNode {
  let out: ReactNode = node.text;
  if (node.format & 16) out = <code>{out}</code>;
  if (node.format & 1) out = <strong>{out}</strong>;
  if (node.format & 2) out = <em>{out}</em>;
  if (node.format & 8) out = <u>{out}</u>;
  if (node.format & 4) out = <s>{out}</s>;
  return <span key={key}>{out}</span>;
}

/** A read-only rendering of an answer document: what the customer will read. */
export function DocumentView({ doc }: { doc: AnswerDocument }) {
  const { t } = useTranslation('answers');
  // Steps number themselves in document order, wherever they sit.
  const stepNumbers = new Map(findNodes<StepNode>(doc, 'kotae-step').map((step, i) => [step, i + 1]));

  const children = (node: ElementBase) => node.children.map((child, i) => render(child, i));
  const part = (node: ElementBase, type: string) => node.children.find((c) => c.type === type);

  const render = (node: DocNode, key: number): ReactNode => {
    if (node.type === 'text') return renderText(node as TextNode, key);
    if (node.type === 'linebreak') return <br key={key} />;
    if (!isElement(node)) return null;
    const el = node as ElementBase & { tag?: string; listType?: string; url?: string };
    switch (node.type) {
      case 'paragraph':
        return <p key={key}>{children(el)}</p>;
      case 'heading': {
        const Tag = (el.tag ?? 'h2') as 'h2';
        return <Tag key={key}>{children(el)}</Tag>;
      }
      case 'quote':
        return <blockquote key={key}>{children(el)}</blockquote>;
      case 'code':
        return (
          <pre key={key}>
            <code>{nodeText(el)}</code>
          </pre>
        );
      case 'list':
        return el.listType === 'number' ? (
          <ol key={key}>{children(el)}</ol>
        ) : (
          <ul key={key}>{children(el)}</ul>
        );
      case 'listitem':
        return <li key={key}>{children(el)}</li>;
      case 'link':
      case 'autolink': {
        // Only http(s) and mailto: a javascript: link in a stored document must not become clickable.
        const href = safeHref(el.url);
        return href ? (
          <a key={key} href={href} target="_blank" rel="noreferrer noopener">
            {children(el)}
          </a>
        ) : (
          <span key={key}>{children(el)}</span>
        );
      }
      case 'kotae-step': {
        const step = node as StepNode;
        const action = part(step, 'kotae-step-action');
        const expected = part(step, 'kotae-step-expected');
        return (
          <div key={key} className="k-doc-step" data-testid="doc-step">
            <div className="k-doc-step__number">{stepNumbers.get(step)}</div>
            <div className="k-doc-step__body">
              <div className="k-doc-step__action">
                {action && isElement(action) ? children(action) : null}
              </div>
              {expected && nodeText(expected) && (
                <div className="k-doc-step__expected">
                  <span className="k-doc-step__label">{t('doc.expected')}</span>{' '}
                  {isElement(expected) ? children(expected) : null}
                </div>
              )}
              {step.screenshot && (
                <img
                  className="k-doc-step__shot"
                  src={mediaUrl(step.screenshot.sha256)}
                  alt={step.screenshot.alt}
                />
              )}
              {step.verified && (
                <div className="k-doc-step__verified">
                  <CheckCircle2 size={13} /> {t('doc.verified', { version: step.verified.version })}
                </div>
              )}
            </div>
          </div>
        );
      }
      case 'kotae-options':
        return (
          <div key={key} className="k-doc-options">
            <div className="k-doc-block-title">{t('doc.options')}</div>
            <div className="k-doc-options__grid">
              {el.children.filter(isElement).map((option, i) => (
                <div key={i} className="k-doc-option">
                  <div className="k-doc-option__title">
                    {nodeText(part(option, 'kotae-option-title') ?? option)}
                  </div>
                  <div>
                    <span className="k-doc-pro">{t('doc.pros')}</span>{' '}
                    {nodeText(part(option, 'kotae-option-pros') ?? option)}
                  </div>
                  <div>
                    <span className="k-doc-con">{t('doc.cons')}</span>{' '}
                    {nodeText(part(option, 'kotae-option-cons') ?? option)}
                  </div>
                </div>
              ))}
            </div>
          </div>
        );
      case 'kotae-resolution': {
        const res = node as ResolutionNode;
        return (
          <div key={key} className="k-doc-resolution">
            <div className="k-doc-block-title">{t('doc.resolution')}</div>
            <dl className="k-dl">
              {resolutionFields.map((field) => {
                const f = res.children.find((c) => (c as ElementBase & { field?: string }).field === field);
                return (
                  <div key={field} style={{ display: 'contents' }}>
                    <dt>{t(`doc.field.${field}`)}</dt>
                    <dd>{f ? nodeText(f) : ''}</dd>
                  </div>
                );
              })}
            </dl>
          </div>
        );
      }
      default:
        return <div key={key}>{children(el)}</div>;
    }
  };

  return <div className="k-doc">{doc.root.children.map((node, i) => render(node, i))}</div>;
}
