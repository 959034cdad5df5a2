import {
  $applyNodeReplacement,
  ElementNode,
  type EditorConfig,
  type LexicalNode,
  type SerializedElementNode,
  type Spread,
} from 'lexical';
import type { StepNode as StoredStep, StepVerification } from '@shared/answers/document';
import { labelsOf } from '../theme';
import { BlockPartNode, chromeContainer } from './BlockPartNode';

// A step of the answer (shared/answers/document.ts, `kotae-step`): one action the customer performs
// and the result they should see, with an optional screenshot, a link to a moment of a clip, and
// the version it was verified with. Its number comes from CSS counters, so steps number
// themselves wherever they are moved. The screenshot, badges and menu are React chrome rendered
// into the step's unmanaged containers (StepsPlugin); the two text parts are Lexical children.

export type StepProps = Pick<StoredStep, 'stepId' | 'verified' | 'failed' | 'screenshot' | 'videoLink'> & {
  /** Capabilities of the catalogue the step uses (issue 22); [] for none. */
  capabilityIds: number[];
};

export type SerializedStepNode = Spread<
  Omit<StepProps, 'capabilityIds'> & { type: 'kotae-step'; capabilityIds?: number[] },
  SerializedElementNode
>;

export function newStepId(): string {
  return Math.random().toString(36).slice(2, 10);
}

export class StepNode extends ElementNode {
  __stepId: string;
  __verified: StepProps['verified'];
  __failed: StepVerification | null;
  __screenshot: StepProps['screenshot'];
  __videoLink: StepProps['videoLink'];
  __capabilityIds: number[];

  static override getType(): string {
    return 'kotae-step';
  }

  static override clone(node: StepNode): StepNode {
    return new StepNode(
      {
        stepId: node.__stepId,
        verified: node.__verified,
        failed: node.__failed,
        screenshot: node.__screenshot,
        videoLink: node.__videoLink,
        capabilityIds: node.__capabilityIds,
      },
      node.__key,
    );
  }

  constructor(props?: Partial<StepProps>, key?: string) {
    super(key);
    this.__stepId = props?.stepId ?? newStepId();
    this.__verified = props?.verified ?? null;
    this.__failed = props?.failed ?? null;
    this.__screenshot = props?.screenshot ?? null;
    this.__videoLink = props?.videoLink ?? null;
    this.__capabilityIds = props?.capabilityIds ?? [];
  }

  static override importJSON(json: SerializedStepNode): StepNode {
    return $createStepNode(json).updateFromJSON(json);
  }

  override exportJSON(): SerializedStepNode {
    return {
      ...super.exportJSON(),
      type: 'kotae-step',
      stepId: this.__stepId,
      verified: this.__verified,
      // Written only when set, so documents without a failed reproduction keep their shape.
      ...(this.__failed ? { failed: this.__failed } : {}),
      screenshot: this.__screenshot,
      videoLink: this.__videoLink,
      // Left out when empty: documents from before issue 22 stay exactly what they were.
      ...(this.__capabilityIds.length ? { capabilityIds: this.__capabilityIds } : {}),
    };
  }

  override createDOM(): HTMLElement {
    const dom = document.createElement('div');
    dom.className = 'k-step';
    dom.dataset.testid = 'doc-step';
    const body = document.createElement('div');
    body.className = 'k-step__body';
    dom.append(chromeContainer('k-step__gutter'), body, chromeContainer('k-step__extras'));
    this.decorateDOM(dom);
    return dom;
  }

  private decorateDOM(dom: HTMLElement): void {
    dom.dataset.stepId = this.__stepId;
    dom.toggleAttribute('data-verified', this.__verified !== null);
    dom.toggleAttribute('data-failed', this.__failed !== null);
  }

  override updateDOM(_prev: StepNode, dom: HTMLElement): boolean {
    this.decorateDOM(dom);
    return false;
  }

  override getDOMSlot(element: HTMLElement) {
    return super
      .getDOMSlot(element)
      .withElement(element.querySelector<HTMLElement>(':scope > .k-step__body')!);
  }

  /** Keeps Backspace and Delete from merging the step into its neighbours (and them into it). */
  override isShadowRoot(): boolean {
    return true;
  }

  override canIndent(): boolean {
    return false;
  }

  props(): StepProps {
    const self = this.getLatest();
    return {
      stepId: self.__stepId,
      verified: self.__verified,
      failed: self.__failed,
      screenshot: self.__screenshot,
      videoLink: self.__videoLink,
      capabilityIds: self.__capabilityIds,
    };
  }

  /** A copy of a step (a snippet inserted twice) must not share the original's id. */
  renewId(): this {
    const self = this.getWritable();
    self.__stepId = newStepId();
    return self;
  }

  setProps(patch: Partial<Omit<StepProps, 'stepId'>>): this {
    const self = this.getWritable();
    if (patch.verified !== undefined) self.__verified = patch.verified;
    if (patch.failed !== undefined) self.__failed = patch.failed;
    if (patch.screenshot !== undefined) self.__screenshot = patch.screenshot;
    if (patch.videoLink !== undefined) self.__videoLink = patch.videoLink;
    if (patch.capabilityIds !== undefined) self.__capabilityIds = patch.capabilityIds;
    return self;
  }
}

export class StepActionNode extends BlockPartNode {
  static override getType(): string {
    return 'kotae-step-action';
  }
  static override clone(node: StepActionNode): StepActionNode {
    return new StepActionNode(node.__key);
  }
  static override importJSON(json: SerializedElementNode): StepActionNode {
    return new StepActionNode().updateFromJSON(json);
  }
  protected override partClass(): string {
    return 'k-step__action';
  }
  protected override placeholder(config: EditorConfig): string {
    return labelsOf(config)?.stepAction ?? '';
  }
}

export class StepExpectedNode extends BlockPartNode {
  static override getType(): string {
    return 'kotae-step-expected';
  }
  static override clone(node: StepExpectedNode): StepExpectedNode {
    return new StepExpectedNode(node.__key);
  }
  static override importJSON(json: SerializedElementNode): StepExpectedNode {
    return new StepExpectedNode().updateFromJSON(json);
  }
  protected override partClass(): string {
    return 'k-step__expected';
  }
  protected override placeholder(config: EditorConfig): string {
    return labelsOf(config)?.stepExpected ?? '';
  }
  protected override label(config: EditorConfig): string {
    return labelsOf(config)?.expectedLabel ?? '';
  }
}

export function $createStepNode(props?: Partial<StepProps>): StepNode {
  return $applyNodeReplacement(new StepNode(props));
}

/** A new, empty step with its two parts, ready to type into. */
export function $createEmptyStep(props?: Partial<StepProps>): StepNode {
  return $createStepNode(props).append(new StepActionNode(), new StepExpectedNode());
}

export function $isStepNode(node: LexicalNode | null | undefined): node is StepNode {
  return node instanceof StepNode;
}

export function $isStepActionNode(node: LexicalNode | null | undefined): node is StepActionNode {
  return node instanceof StepActionNode;
}

export function $isStepExpectedNode(node: LexicalNode | null | undefined): node is StepExpectedNode {
  return node instanceof StepExpectedNode;
}
