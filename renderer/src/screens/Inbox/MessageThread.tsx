import { FolderOpen, ImageOff, Mail, Paperclip } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ThreadAttachment, ThreadMessage } from '@shared/api/intake';
import { call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { Card, Dialog, ErrorMessage, IconButton, Loading, useToast } from '../../components';
import { useFormat } from '../../hooks/useFormat';
import { mailDocument, MailFrame } from './MailFrame';
import './intake.css';
import './messageThread.css';

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function Attachments({ items }: { items: ThreadAttachment[] }) {
  const { t } = useTranslation('intake');
  const toast = useToast();
  const [viewing, setViewing] = useState<ThreadAttachment | null>(null);
  if (!items.length) return null;
  return (
    <>
      <Dialog
        open={viewing !== null}
        title={viewing?.fileName ?? ''}
        onClose={() => setViewing(null)}
        width={820}
      >
        {viewing && (
          <img
            className="k-attachment__full"
            src={window.kotae.mediaUrl(viewing.sha256)}
            alt={viewing.fileName}
          />
        )}
      </Dialog>
      <ul className="k-attachments" aria-label={t('thread.attachments')}>
        {items.map((a) => (
          <li key={`${a.sha256}-${a.fileName}`} className="k-attachment" data-testid="attachment">
            {a.mime.startsWith('image/') ? (
              <button
                type="button"
                className="k-attachment__open"
                onClick={() => setViewing(a)}
                aria-label={t('thread.open')}
              >
                <img className="k-attachment__thumb" src={window.kotae.mediaUrl(a.sha256)} alt="" />
              </button>
            ) : (
              <Paperclip size={14} aria-hidden />
            )}
            <span className="k-attachment__name">{a.fileName}</span>
            <span className="faint">
              {formatSize(a.size)}
              {a.inline && ` · ${t('thread.inline')}`}
            </span>
            <IconButton
              label={t('thread.showInFolder')}
              icon={<FolderOpen size={14} />}
              onClick={() =>
                void call('intake:showAttachment', { sha256: a.sha256 }).catch((err: unknown) =>
                  toast.show(<ErrorMessage error={err} />, { tone: 'danger' }),
                )
              }
            />
          </li>
        ))}
      </ul>
    </>
  );
}

function Message({ message }: { message: ThreadMessage }) {
  const { t } = useTranslation('intake');
  const fmt = useFormat();
  const from = message.fromName || message.fromAddress;
  const blocked = message.html ? mailDocument(message.html).blockedRemote : false;
  return (
    <div className={`k-message k-message--${message.direction}`} data-testid="thread-message">
      <div className="k-message__head">
        <Mail size={13} aria-hidden /> <strong>{from}</strong>
        {message.fromName && message.fromAddress && (
          <span className="faint">&lt;{message.fromAddress}&gt;</span>
        )}
        <span className="faint">{fmt.dateTime(message.sentAt)}</span>
      </div>
      {message.subject && <div className="k-message__subject">{message.subject}</div>}
      {message.html ? (
        <MailFrame html={message.html} title={t('thread.frameTitle', { from })} />
      ) : (
        <div className="k-prose k-message__text">{message.text}</div>
      )}
      {blocked && (
        <div className="k-message__note faint">
          <ImageOff size={13} aria-hidden /> {t('thread.remoteBlocked')}
        </div>
      )}
      <Attachments items={message.attachments.filter((a) => !a.inline || !message.html)} />
    </div>
  );
}

/** The whole history of a question, oldest first: every mail, its attachments and inline images. */
export function MessageThread({ questionId }: { questionId: number }) {
  const { t } = useTranslation('intake');
  const thread = useApi('intake:thread', { questionId });
  return (
    <Card title={t('thread.title')}>
      {thread.isPending ? (
        <Loading />
      ) : thread.isError ? (
        <ErrorMessage error={thread.error} />
      ) : thread.data.length === 0 ? (
        <span className="faint">{t('thread.empty')}</span>
      ) : (
        <div data-testid="message-thread">
          {thread.data.map((m) => (
            <Message key={m.id} message={m} />
          ))}
        </div>
      )}
    </Card>
  );
}
