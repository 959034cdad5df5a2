import {
  $applyNodeReplacement,
  ElementNode,
  type EditorConfig,
  type LexicalNode,
  type SerializedElementNode,
} from 'lexical';
import { labelsOf } from '../theme';
import { BlockPartNode, chromeContainer } from './BlockPartNode';

// "Ways out" (`kotae-options`): two or more options, each a title with its pros and cons, for when
// there is more than one solution. Options add and remove themselves through the chrome
// (OptionsPlugin); the texts are Lexical children.

export class OptionsNode extends ElementNode {
  static override getType(): string {
    return 'kotae-options';
  }
  static override clone(node: OptionsNode): OptionsNode {
    return new OptionsNode(node.__key);
  }
  static override importJSON(json: SerializedElementNode): OptionsNode {
    return $createOptionsNode().updateFromJSON(json);
  }
  override createDOM(config: EditorConfig): HTMLElement {
    const dom = document.createElement('section');
    dom.className = 'k-options';
    const title = chromeContainer('k-options__head');
    title.textContent = labelsOf(config)?.optionsTitle ?? '';
    const grid = document.createElement('div');
    grid.className = 'k-options__grid';
    dom.append(title, grid, chromeContainer('k-options__extras'));
    return dom;
  }
  override updateDOM(): boolean {
    return false;
  }
  override getDOMSlot(element: HTMLElement) {
    return super
      .getDOMSlot(element)
      .withElement(element.querySelector<HTMLElement>(':scope > .k-options__grid')!);
  }
  override isShadowRoot(): boolean {
    return true;
  }
  override canIndent(): boolean {
    return false;
  }
}

export class OptionNode extends ElementNode {
  static override getType(): string {
    return 'kotae-option';
  }
  static override clone(node: OptionNode): OptionNode {
    return new OptionNode(node.__key);
  }
  static override importJSON(json: SerializedElementNode): OptionNode {
    return new OptionNode().updateFromJSON(json);
  }
  override createDOM(): HTMLElement {
    const dom = document.createElement('div');
    dom.className = 'k-option';
    const body = document.createElement('div');
    body.className = 'k-option__body';
    dom.append(body, chromeContainer('k-option__extras'));
    return dom;
  }
  override updateDOM(): boolean {
    return false;
  }
  override getDOMSlot(element: HTMLElement) {
    return super
      .getDOMSlot(element)
      .withElement(element.querySelector<HTMLElement>(':scope > .k-option__body')!);
  }
  override isShadowRoot(): boolean {
    return true;
  }
  override canIndent(): boolean {
    return false;
  }
}

export type OptionPart = 'title' | 'pros' | 'cons';

abstract class OptionPartNode extends BlockPartNode {
  protected abstract part(): OptionPart;
  protected override partClass(): string {
    return `k-option__${this.part()}`;
  }
  protected override placeholder(config: EditorConfig): string {
    const labels = labelsOf(config);
    return (this.part() === 'title' ? labels?.optionTitle : '') ?? '';
  }
  protected override label(config: EditorConfig): string {
    const labels = labelsOf(config);
    return (this.part() === 'pros' ? labels?.pros : this.part() === 'cons' ? labels?.cons : '') ?? '';
  }
}

export class OptionTitleNode extends OptionPartNode {
  static override getType(): string {
    return 'kotae-option-title';
  }
  static override clone(node: OptionTitleNode): OptionTitleNode {
    return new OptionTitleNode(node.__key);
  }
  static override importJSON(json: SerializedElementNode): OptionTitleNode {
    return new OptionTitleNode().updateFromJSON(json);
  }
  protected override part(): OptionPart {
    return 'title';
  }
}

export class OptionProsNode extends OptionPartNode {
  static override getType(): string {
    return 'kotae-option-pros';
  }
  static override clone(node: OptionProsNode): OptionProsNode {
    return new OptionProsNode(node.__key);
  }
  static override importJSON(json: SerializedElementNode): OptionProsNode {
    return new OptionProsNode().updateFromJSON(json);
  }
  protected override part(): OptionPart {
    return 'pros';
  }
}

export class OptionConsNode extends OptionPartNode {
  static override getType(): string {
    return 'kotae-option-cons';
  }
  static override clone(node: OptionConsNode): OptionConsNode {
    return new OptionConsNode(node.__key);
  }
  static override importJSON(json: SerializedElementNode): OptionConsNode {
    return new OptionConsNode().updateFromJSON(json);
  }
  protected override part(): OptionPart {
    return 'cons';
  }
}

export function $createOptionsNode(): OptionsNode {
  return $applyNodeReplacement(new OptionsNode());
}

export function $createEmptyOption(): OptionNode {
  return new OptionNode().append(new OptionTitleNode(), new OptionProsNode(), new OptionConsNode());
}

/** A new options block with two empty options: the fewest that make a choice. */
export function $createEmptyOptions(): OptionsNode {
  return $createOptionsNode().append($createEmptyOption(), $createEmptyOption());
}

export function $isOptionsNode(node: LexicalNode | null | undefined): node is OptionsNode {
  return node instanceof OptionsNode;
}
export function $isOptionNode(node: LexicalNode | null | undefined): node is OptionNode {
  return node instanceof OptionNode;
}
export function $isOptionPartNode(node: LexicalNode | null | undefined): node is OptionPartNode {
  return node instanceof OptionPartNode;
}
