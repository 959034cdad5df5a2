import { z } from 'zod';
import { BlockStateSchema, RootStateSchema } from './marks';
import { ImageRef } from './media';

// The answer document as stored: Lexical's serialized editor state (the legacy form its
// `exportJSON()` writes, which is what `editorState.toJSON()` and the clipboard use), with block
// nodes of our own for steps, options, the resolution summary, images and clips. This is the ONE
// definition of it: the types in document.ts are inferred from these schemas, the editor's nodes
// are tested against them (renderer/src/editor/nodes/roundtrip.test.ts), and every door checks a
// document with parseAnswerDocument (validate.ts) before anything keeps or sends it.
//
// Every node is a strict object: a property the editor does not write is refused, not carried
// along. Which node may sit in which is left to the editor (StructurePlugin normalises steps,
// options and the summary); the schema holds what is dangerous or unbounded in a single node.

export const documentLimits = {
  /** Nodes in one document or paste: hundreds of pages of steps (the JSON limit bites first). */
  maxNodes: 50_000,
  /** Nesting of `children`: root > table > row > cell > list > item > list … (indented lists nest). */
  maxDepth: 32,
  /** Characters of all strings together, counted before the schema runs. */
  maxChars: 1_000_000,
  /**
   * Characters of the document's JSON: hundreds of pages of steps. Pictures are stored apart
   * (answers:storeImage), so only text counts; a pasted novel is refused at the door instead of
   * being indexed, checked and rendered at every autosave.
   */
  maxJsonChars: 1_000_000,
  /** Lexical's list indentation; a deeper list nests, and maxDepth bounds that. */
  maxIndent: 20,
} as const;

const str = (max: number) => z.string().max(max);

/** Lexical writes `version: 1` on every node (kept only for older readers). */
const version = z.literal(1);

/** Bit flags of a text run: bold, italic, strikethrough, underline, code, sub/superscript, … */
const textFormat = z.number().int().min(0).max(0xffff);

const elementFields = {
  version,
  direction: z.enum(['ltr', 'rtl']).nullable(),
  format: z.enum(['', 'left', 'start', 'center', 'right', 'end', 'justify']),
  indent: z.number().int().min(0).max(documentLimits.maxIndent),
  // Written only by an element without text children whose format or style is not the default
  // (an emptied bold line keeps its bold for the next character typed).
  textFormat: textFormat.optional(),
  textStyle: str(5_000).optional(),
  /** Node state: the public version's marks (marks.ts), written only when set. */
  $: BlockStateSchema,
};

const textFields = {
  version,
  text: str(documentLimits.maxChars),
  format: textFormat,
  detail: z.number().int().min(0).max(0xff),
  mode: z.enum(['normal', 'token', 'segmented']),
  style: str(5_000),
};

type Children = z.ZodArray<typeof DocNode>;
let childList: Children | undefined;
/** The children of an element: made once, on first use (the union is defined below). */
const children = (): Children => (childList ??= z.array(DocNode).max(documentLimits.maxNodes));

// ---- Lexical's own nodes (lexical, @lexical/rich-text, list, link, code, table) ----

export const TextNode = z.strictObject({ type: z.literal('text'), ...textFields });
export const TabNode = z.strictObject({ type: z.literal('tab'), ...textFields, text: z.literal('\t') });
export const LineBreakNode = z.strictObject({ type: z.literal('linebreak'), version });

export const RootNode = z.strictObject({
  type: z.literal('root'),
  ...elementFields,
  /** The root's state holds the FAQ's public title. */
  $: RootStateSchema,
  get children(): Children {
    return children();
  },
});

export const ParagraphNode = z.strictObject({
  type: z.literal('paragraph'),
  ...elementFields,
  get children(): Children {
    return children();
  },
});

export const HeadingNode = z.strictObject({
  type: z.literal('heading'),
  tag: z.enum(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']),
  ...elementFields,
  get children(): Children {
    return children();
  },
});

export const QuoteNode = z.strictObject({
  type: z.literal('quote'),
  ...elementFields,
  get children(): Children {
    return children();
  },
});

export const ListNode = z.strictObject({
  type: z.literal('list'),
  listType: z.enum(['bullet', 'number', 'check']),
  start: z.number().int().min(0).max(1_000_000),
  tag: z.enum(['ul', 'ol']),
  ...elementFields,
  get children(): Children {
    return children();
  },
});

export const ListItemNode = z.strictObject({
  type: z.literal('listitem'),
  value: z.number().int().min(0).max(1_000_000),
  /** Only in check lists. */
  checked: z.boolean().optional(),
  ...elementFields,
  get children(): Children {
    return children();
  },
});

const linkFields = {
  url: str(8_192),
  rel: str(200).nullable(),
  target: str(50).nullable(),
  title: str(1_000).nullable(),
};

export const LinkNode = z.strictObject({
  type: z.literal('link'),
  ...linkFields,
  ...elementFields,
  get children(): Children {
    return children();
  },
});

export const AutoLinkNode = z.strictObject({
  type: z.literal('autolink'),
  ...linkFields,
  isUnlinked: z.boolean(),
  ...elementFields,
  get children(): Children {
    return children();
  },
});

export const CodeNode = z.strictObject({
  type: z.literal('code'),
  language: str(100).nullish(),
  ...elementFields,
  get children(): Children {
    return children();
  },
});

export const TableNode = z.strictObject({
  type: z.literal('table'),
  colWidths: z.array(z.number().min(0).max(100_000)).max(1_000).optional(),
  frozenColumnCount: z.number().int().min(0).max(1_000).optional(),
  frozenRowCount: z.number().int().min(0).max(1_000).optional(),
  rowStriping: z.boolean().optional(),
  ...elementFields,
  get children(): Children {
    return children();
  },
});

export const TableRowNode = z.strictObject({
  type: z.literal('tablerow'),
  height: z.number().min(0).max(100_000).optional(),
  ...elementFields,
  get children(): Children {
    return children();
  },
});

export const TableCellNode = z.strictObject({
  type: z.literal('tablecell'),
  /** 0 none, 1 row header, 2 column header, 3 both. */
  headerState: z.number().int().min(0).max(3),
  colSpan: z.number().int().min(1).max(1_000),
  rowSpan: z.number().int().min(1).max(1_000),
  backgroundColor: str(100).nullable(),
  width: z.number().min(0).max(100_000).optional(),
  verticalAlign: str(20).optional(),
  ...elementFields,
  get children(): Children {
    return children();
  },
});

// ---- our nodes (renderer/src/editor/nodes) ----

export const StepVerification = z.strictObject({
  /** The product version the vendor replayed the step with. */
  version: str(100),
  at: str(40),
});

export const Screenshot = z.strictObject({ ...ImageRef.shape, alt: str(2_000) });

export const VideoLink = z.strictObject({
  clipId: z.number().int().positive(),
  timeS: z.number().min(0).max(10_000_000),
});

export const StepNode = z.strictObject({
  type: z.literal('kotae-step'),
  /** Stable across reorders, so verification and video links follow the step. */
  stepId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  verified: StepVerification.nullable(),
  /** Reproduction found that the step did not work as written (with this version); written only when set. */
  failed: StepVerification.nullable().optional(),
  screenshot: Screenshot.nullable(),
  /** A moment in a clip that shows this step. */
  videoLink: VideoLink.nullable(),
  /**
   * Capabilities of the catalogue this step uses (issue 22): a release that changes one of them
   * puts the answer on the list to re-check. Written only when there are some.
   */
  capabilityIds: z.array(z.number().int().positive()).min(1).max(200).optional(),
  ...elementFields,
  get children(): Children {
    return children();
  },
});

const blockPart = <T extends string>(type: T) =>
  z.strictObject({
    type: z.literal(type),
    ...elementFields,
    get children(): Children {
      return children();
    },
  });

export const StepActionNode = blockPart('kotae-step-action');
export const StepExpectedNode = blockPart('kotae-step-expected');
export const OptionsNode = blockPart('kotae-options');
export const OptionNode = blockPart('kotae-option');
export const OptionTitleNode = blockPart('kotae-option-title');
export const OptionProsNode = blockPart('kotae-option-pros');
export const OptionConsNode = blockPart('kotae-option-cons');

export const resolutionFieldNames = ['cause', 'done', 'remains', 'resolved', 'prevention'] as const;
export const ResolutionField = z.enum(resolutionFieldNames);

export const ResolutionNode = z.strictObject({
  type: z.literal('kotae-resolution'),
  fullyResolved: z.boolean().nullable(),
  ...elementFields,
  get children(): Children {
    return children();
  },
});

export const ResolutionFieldNode = z.strictObject({
  type: z.literal('kotae-resolution-field'),
  field: ResolutionField,
  ...elementFields,
  get children(): Children {
    return children();
  },
});

export const ImageNode = z.strictObject({
  type: z.literal('kotae-image'),
  version,
  ...ImageRef.shape,
  alt: str(2_000),
  $: BlockStateSchema,
});

export const VideoNode = z.strictObject({
  type: z.literal('kotae-video'),
  version,
  clipId: z.number().int().positive().nullable(),
  title: str(1_000),
  $: BlockStateSchema,
});

/** Every node the editor writes (renderer/src/editor/nodes/index.ts lists the same classes). */
export const DocNode = z.discriminatedUnion('type', [
  TextNode,
  TabNode,
  LineBreakNode,
  ParagraphNode,
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  LinkNode,
  AutoLinkNode,
  CodeNode,
  TableNode,
  TableRowNode,
  TableCellNode,
  StepNode,
  StepActionNode,
  StepExpectedNode,
  OptionsNode,
  OptionNode,
  OptionTitleNode,
  OptionProsNode,
  OptionConsNode,
  ResolutionNode,
  ResolutionFieldNode,
  ImageNode,
  VideoNode,
]);

const documentObject = z.strictObject({ root: RootNode });
const clipboardObject = z.strictObject({
  namespace: str(100),
  nodes: z.array(DocNode).max(documentLimits.maxNodes),
});
const snippetObject = z.strictObject({ nodes: z.array(DocNode).max(documentLimits.maxNodes) });

// Interfaces, not aliases, so a declaration can name them (below); they add nothing to the schema.
/* eslint-disable @typescript-eslint/no-empty-object-type -- a name for the inferred type is the point */
export interface AnswerDocument extends z.infer<typeof documentObject> {}
export interface ClipboardFragment extends z.infer<typeof clipboardObject> {}
export interface Snippet extends z.infer<typeof snippetObject> {}
/* eslint-enable @typescript-eslint/no-empty-object-type */

// Exported under their inferred types' names: schemas that embed them (AnswerDetail, the channel
// contracts) would otherwise spell the whole recursive union out in every declaration, past what
// the compiler will write (TS7056).

/** A whole answer: `editorState.toJSON()`. */
export const AnswerDocumentShape: z.ZodType<AnswerDocument> = documentObject;

/** What a copy in the editor puts on the clipboard as `application/x-lexical-editor`. */
export const ClipboardFragmentShape: z.ZodType<ClipboardFragment> = clipboardObject;

/** A rich snippet's body (templates of kind `snippet`/`steps`): `{"nodes": [...]}` of whole blocks. */
export const SnippetShape: z.ZodType<Snippet> = snippetObject;

/** The node types the schema knows, in the order of the union. */
export const documentNodeTypes: readonly string[] = DocNode.options.map((o) => o.shape.type.value);
