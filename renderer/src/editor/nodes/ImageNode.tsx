import {
  $applyNodeReplacement,
  DecoratorNode,
  type LexicalNode,
  type NodeKey,
  type SerializedLexicalNode,
  type Spread,
} from 'lexical';
import { lazy, Suspense, type JSX } from 'react';
import type { Screenshot } from '@shared/answers/document';
import { ImageNode as StoredImage } from '@shared/answers/schema';

// A picture in the answer (`kotae-image`): a stored media file named by its hash, never a URL
// from outside. Pasted screenshots that do not belong to a step become one of these.

const ImageComponent = lazy(() => import('./ImageComponent'));

/** A stored picture and its description: the same shape as a step's screenshot. */
export type ImageProps = Screenshot;

export type SerializedImageNode = Spread<ImageProps & { type: 'kotae-image' }, SerializedLexicalNode>;

export class ImageNode extends DecoratorNode<JSX.Element> {
  __sha256: string;
  __ext: ImageProps['ext'];
  __alt: string;

  static override getType(): string {
    return 'kotae-image';
  }
  static override clone(node: ImageNode): ImageNode {
    return new ImageNode({ sha256: node.__sha256, ext: node.__ext, alt: node.__alt }, node.__key);
  }
  constructor(props?: ImageProps, key?: NodeKey) {
    super(key);
    this.__sha256 = props?.sha256 ?? '';
    this.__ext = props?.ext ?? 'png';
    this.__alt = props?.alt ?? '';
  }
  /**
   * Every way JSON reaches the editor checks it first (the loaded answer, a paste, a snippet):
   * an image that names no valid stored file is refused here too rather than shown or saved.
   */
  static override importJSON(json: Record<string, unknown>): ImageNode {
    const image = StoredImage.parse(json);
    return $createImageNode({ sha256: image.sha256, ext: image.ext, alt: image.alt });
  }
  override exportJSON(): SerializedImageNode {
    return {
      ...super.exportJSON(),
      type: 'kotae-image',
      sha256: this.__sha256,
      ext: this.__ext,
      alt: this.__alt,
    };
  }
  override createDOM(): HTMLElement {
    const dom = document.createElement('div');
    dom.className = 'k-image';
    return dom;
  }
  override updateDOM(): boolean {
    return false;
  }
  override isInline(): boolean {
    return false;
  }
  setAlt(alt: string): this {
    const self = this.getWritable();
    self.__alt = alt;
    return self;
  }
  override getTextContent(): string {
    return this.__alt;
  }
  override decorate(): JSX.Element {
    return (
      <Suspense fallback={null}>
        <ImageComponent nodeKey={this.getKey()} sha256={this.__sha256} alt={this.__alt} />
      </Suspense>
    );
  }
}

export function $createImageNode(props: ImageProps): ImageNode {
  return $applyNodeReplacement(new ImageNode(props));
}

export function $isImageNode(node: LexicalNode | null | undefined): node is ImageNode {
  return node instanceof ImageNode;
}
