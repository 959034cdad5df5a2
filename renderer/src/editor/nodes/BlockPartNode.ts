import {
  ElementNode,
  setDOMUnmanaged,
  stopLexicalPropagation,
  type EditorConfig,
  type LexicalNode,
} from 'lexical';

/**
 * A line of text inside one of our blocks: a step's action or expected result, an option's title,
 * pros or cons, a field of the resolution summary. It holds text only; Enter, Backspace and paste
 * inside it are handled by the block plugins, so the block keeps its shape.
 */
export abstract class BlockPartNode extends ElementNode {
  protected abstract partClass(): string;
  protected abstract placeholder(config: EditorConfig): string;
  protected label(_config: EditorConfig): string {
    return '';
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const dom = document.createElement('div');
    dom.className = `k-part ${this.partClass()}`;
    const placeholder = this.placeholder(config);
    if (placeholder) dom.dataset.placeholder = placeholder;
    const label = this.label(config);
    if (label) dom.dataset.label = label;
    dom.toggleAttribute('data-empty', this.isEmpty());
    return dom;
  }

  // Typing into existing text does not reach here (the part itself is unchanged); gaining its first
  // child or losing its last one does, which is exactly when the placeholder shows or hides. (A CSS
  // :has() rule could do it too, but makes every keystroke re-check all the parts of a long answer.)
  override updateDOM(_prev: BlockPartNode, dom: HTMLElement): boolean {
    dom.toggleAttribute('data-empty', this.isEmpty());
    return false;
  }

  override canIndent(): boolean {
    return false;
  }

  /** Splitting a part into two is never right: the plugins decide where Enter goes. */
  override insertNewAfter(): LexicalNode | null {
    return null;
  }
}

// Events in the chrome (buttons, inputs) belong to it, not to the text: Lexical skips an event
// marked as handled, and it still bubbles on to React's listeners.
const chromeEvents = [
  'keydown',
  'keyup',
  'keypress',
  'beforeinput',
  'input',
  'paste',
  'cut',
  'copy',
  'mousedown',
  'click',
  'pointerdown',
  'dragstart',
  'dragover',
  'drop',
  'compositionstart',
  'compositionend',
];

/** A container our plugins render React chrome into; Lexical leaves its DOM and events alone. */
export function chromeContainer(className: string): HTMLElement {
  const el = document.createElement('div');
  el.className = className;
  el.contentEditable = 'false';
  setDOMUnmanaged(el, { captureSelection: true });
  for (const type of chromeEvents) el.addEventListener(type, stopLexicalPropagation);
  return el;
}
