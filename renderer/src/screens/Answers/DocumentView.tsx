import { CheckCircle2 } from 'lucide-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  findNodes,
  isElement,
  nodeText,
  resolutionFieldOf,
  resolutionFields,
  type AnswerDocument,
  type DocNode,
  type ElementNode,
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
  const stepNumbers = new Map(findNodes(doc, 'kotae-step').map((step, i) => [step, i + 1]));

  const children = (node: ElementNode) => node.children.map((child, i) => render(child, i));
  const part = (node: ElementNode, type: DocNode['type']) => node.children.find((c) => c.type === type);

  const render = (node: DocNode, key: number): ReactNode => {
    if (node.type === 'text') return renderText(node, key);
    if (node.type === 'linebreak') return <br key={key} />;
    if (!isElement(node)) return null;
    switch (node.type) {
      case 'paragraph':
        return <p key={key}>{children(node)}</p>;
      case 'heading': {
        const Tag = node.tag;
        return <Tag key={key}>{children(node)}</Tag>;
      }
      case 'quote':
        return <blockquote key={key}>{children(node)}</blockquote>;
      case 'code':
        return (
          <pre key={key}>
            <code>{nodeText(node)}</code>
          </pre>
        );
      case 'list':
        return node.listType === 'number' ? (
          <ol key={key}>{children(node)}</ol>
        ) : (
          <ul key={key}>{children(node)}</ul>
        );
      case 'listitem':
        return <li key={key}>{children(node)}</li>;
      case 'link':
      case 'autolink': {
        // Only http(s) and mailto: a javascript: link in a stored document must not become clickable.
        const href = safeHref(node.url);
        return href ? (
          <a key={key} href={href} target="_blank" rel="noreferrer noopener">
            {children(node)}
          </a>
        ) : (
          <span key={key}>{children(node)}</span>
        );
      }
      case 'kotae-step': {
        const step = node;
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
              {node.children.filter(isElement).map((option, i) => (
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
        const res = node;
        return (
          <div key={key} className="k-doc-resolution">
            <div className="k-doc-block-title">{t('doc.resolution')}</div>
            <dl className="k-dl">
              {resolutionFields.map((field) => {
                const f = resolutionFieldOf(res, field);
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
        return <div key={key}>{children(node)}</div>;
    }
  };

  return <div className="k-doc">{doc.root.children.map((node, i) => render(node, i))}</div>;
}
