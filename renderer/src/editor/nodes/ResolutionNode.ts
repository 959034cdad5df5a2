import {
  $applyNodeReplacement,
  ElementNode,
  type EditorConfig,
  type LexicalNode,
  type SerializedElementNode,
  type Spread,
} from 'lexical';
import { resolutionFields, type ResolutionField } from '@shared/answers/document';
import { labelsOf } from '../theme';
import { BlockPartNode, chromeContainer } from './BlockPartNode';

// The resolution summary (`kotae-resolution`): what caused it, what was done, what remains and for
// whom, whether it is fully resolved, how to avoid it next time: five fields, always in this order.

export type SerializedResolutionNode = Spread<
  { type: 'kotae-resolution'; fullyResolved: boolean | null },
  SerializedElementNode
>;

export class ResolutionNode extends ElementNode {
  __fullyResolved: boolean | null;

  static override getType(): string {
    return 'kotae-resolution';
  }
  static override clone(node: ResolutionNode): ResolutionNode {
    return new ResolutionNode(node.__fullyResolved, node.__key);
  }
  constructor(fullyResolved: boolean | null = null, key?: string) {
    super(key);
    this.__fullyResolved = fullyResolved;
  }
  static override importJSON(json: SerializedResolutionNode): ResolutionNode {
    return $createResolutionNode(json.fullyResolved ?? null).updateFromJSON(json);
  }
  override exportJSON(): SerializedResolutionNode {
    return { ...super.exportJSON(), type: 'kotae-resolution', fullyResolved: this.__fullyResolved };
  }
  override createDOM(config: EditorConfig): HTMLElement {
    const dom = document.createElement('section');
    dom.className = 'k-resolution';
    dom.dataset.testid = 'resolution';
    const head = chromeContainer('k-resolution__head');
    head.textContent = labelsOf(config)?.resolutionTitle ?? '';
    const body = document.createElement('div');
    body.className = 'k-resolution__body';
    dom.append(head, body, chromeContainer('k-resolution__extras'));
    return dom;
  }
  override updateDOM(): boolean {
    return false;
  }
  override getDOMSlot(element: HTMLElement) {
    return super
      .getDOMSlot(element)
      .withElement(element.querySelector<HTMLElement>(':scope > .k-resolution__body')!);
  }
  override isShadowRoot(): boolean {
    return true;
  }
  override canIndent(): boolean {
    return false;
  }
  getFullyResolved(): boolean | null {
    return this.getLatest().__fullyResolved;
  }
  setFullyResolved(value: boolean | null): this {
    const self = this.getWritable();
    self.__fullyResolved = value;
    return self;
  }
}

export type SerializedResolutionFieldNode = Spread<
  { type: 'kotae-resolution-field'; field: ResolutionField },
  SerializedElementNode
>;

export class ResolutionFieldNode extends BlockPartNode {
  __field: ResolutionField;

  static override getType(): string {
    return 'kotae-resolution-field';
  }
  static override clone(node: ResolutionFieldNode): ResolutionFieldNode {
    return new ResolutionFieldNode(node.__field, node.__key);
  }
  constructor(field: ResolutionField = 'cause', key?: string) {
    super(key);
    this.__field = field;
  }
  static override importJSON(json: SerializedResolutionFieldNode): ResolutionFieldNode {
    const field = resolutionFields.includes(json.field) ? json.field : 'cause';
    return new ResolutionFieldNode(field).updateFromJSON(json);
  }
  override exportJSON(): SerializedResolutionFieldNode {
    return { ...super.exportJSON(), type: 'kotae-resolution-field', field: this.__field };
  }
  getField(): ResolutionField {
    return this.getLatest().__field;
  }
  override createDOM(config: EditorConfig): HTMLElement {
    const dom = super.createDOM(config);
    dom.dataset.field = this.__field;
    return dom;
  }
  protected override partClass(): string {
    return 'k-resolution__field';
  }
  protected override placeholder(): string {
    return '';
  }
  protected override label(config: EditorConfig): string {
    return labelsOf(config)?.fields[this.__field] ?? '';
  }
}

export function $createResolutionNode(fullyResolved: boolean | null = null): ResolutionNode {
  return $applyNodeReplacement(new ResolutionNode(fullyResolved));
}

export function $createEmptyResolution(): ResolutionNode {
  return $createResolutionNode().append(...resolutionFields.map((f) => new ResolutionFieldNode(f)));
}

export function $isResolutionNode(node: LexicalNode | null | undefined): node is ResolutionNode {
  return node instanceof ResolutionNode;
}
export function $isResolutionFieldNode(node: LexicalNode | null | undefined): node is ResolutionFieldNode {
  return node instanceof ResolutionFieldNode;
}
