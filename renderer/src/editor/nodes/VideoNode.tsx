import {
  $applyNodeReplacement,
  DecoratorNode,
  type LexicalNode,
  type NodeKey,
  type SerializedLexicalNode,
  type Spread,
} from 'lexical';
import { lazy, Suspense, type JSX } from 'react';

// A video clip block (`kotae-video`). The clip itself is made in the Videos screen (issue 6); the
// answer stores only which clip, and shows it with its chapters when there is one.

const VideoComponent = lazy(() => import('./VideoComponent'));

export type SerializedVideoNode = Spread<
  { type: 'kotae-video'; clipId: number | null; title: string },
  SerializedLexicalNode
>;

export class VideoNode extends DecoratorNode<JSX.Element> {
  __clipId: number | null;
  __title: string;

  static override getType(): string {
    return 'kotae-video';
  }
  static override clone(node: VideoNode): VideoNode {
    return new VideoNode(node.__clipId, node.__title, node.__key);
  }
  constructor(clipId: number | null = null, title = '', key?: NodeKey) {
    super(key);
    this.__clipId = clipId;
    this.__title = title;
  }
  static override importJSON(json: SerializedVideoNode): VideoNode {
    return $createVideoNode(json.clipId ?? null, json.title ?? '').updateFromJSON(json);
  }
  override exportJSON(): SerializedVideoNode {
    return { ...super.exportJSON(), type: 'kotae-video', clipId: this.__clipId, title: this.__title };
  }
  override createDOM(): HTMLElement {
    const dom = document.createElement('div');
    dom.className = 'k-video';
    return dom;
  }
  override updateDOM(): boolean {
    return false;
  }
  override isInline(): boolean {
    return false;
  }
  setClip(clipId: number | null, title: string): this {
    const self = this.getWritable();
    self.__clipId = clipId;
    self.__title = title;
    return self;
  }
  override getTextContent(): string {
    return this.__title;
  }
  override decorate(): JSX.Element {
    return (
      <Suspense fallback={null}>
        <VideoComponent nodeKey={this.getKey()} clipId={this.__clipId} title={this.__title} />
      </Suspense>
    );
  }
}

export function $createVideoNode(clipId: number | null = null, title = ''): VideoNode {
  return $applyNodeReplacement(new VideoNode(clipId, title));
}

export function $isVideoNode(node: LexicalNode | null | undefined): node is VideoNode {
  return node instanceof VideoNode;
}
