import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useToast } from './Toast';

/**
 * Puts text on the clipboard and says whether it worked. The async API needs the
 * clipboard-sanitized-write permission (granted to our page by the shell's policy); where it is
 * refused (an unfocused window, an old shell) a hidden selection and execCommand('copy') is tried.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    /* refused: try a selection instead */
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}

/**
 * Copies and tells the user the truth: the confirmation (when given) if it worked, otherwise that
 * nothing was copied and what to do instead (select the text and copy it by hand).
 */
export function useCopy(): (text: string, confirmation?: string) => Promise<boolean> {
  const toast = useToast();
  const { t } = useTranslation('common');
  return useCallback(
    async (text, confirmation) => {
      const copied = await copyText(text);
      if (!copied) toast.show(t('copyFailed'), { tone: 'danger', timeoutMs: 12_000 });
      else if (confirmation) toast.show(confirmation, { tone: 'ok' });
      return copied;
    },
    [toast, t],
  );
}
