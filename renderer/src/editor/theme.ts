import type { EditorConfig, EditorThemeClasses } from 'lexical';

// The editor's theme: Lexical's class names for the standard nodes, plus the words our own
// nodes show around the text (placeholders, labels). Lexical hands the theme to createDOM, which
// is how a node learns them without importing i18n (nodes also run headless in tests).

export interface EditorLabels {
  stepAction: string;
  stepExpected: string;
  expectedLabel: string;
  optionTitle: string;
  pros: string;
  cons: string;
  optionsTitle: string;
  resolutionTitle: string;
  fields: Record<'cause' | 'done' | 'remains' | 'resolved' | 'prevention', string>;
}

export type KotaeTheme = EditorThemeClasses & { kotaeLabels?: EditorLabels };

export function labelsOf(config: EditorConfig): EditorLabels | undefined {
  return (config.theme as KotaeTheme).kotaeLabels;
}

export function editorTheme(labels: EditorLabels): KotaeTheme {
  return {
    kotaeLabels: labels,
    paragraph: 'k-ed-p',
    quote: 'k-ed-quote',
    heading: { h1: 'k-ed-h1', h2: 'k-ed-h2', h3: 'k-ed-h3' },
    list: {
      ul: 'k-ed-ul',
      ol: 'k-ed-ol',
      listitem: 'k-ed-li',
      nested: { listitem: 'k-ed-li--nested' },
    },
    link: 'k-ed-link',
    code: 'k-ed-code',
    table: 'k-ed-table',
    tableCell: 'k-ed-td',
    tableCellHeader: 'k-ed-th',
    tableRow: 'k-ed-tr',
    tableSelection: 'k-ed-table--selection',
    text: {
      bold: 'k-ed-bold',
      italic: 'k-ed-italic',
      underline: 'k-ed-underline',
      strikethrough: 'k-ed-strike',
      code: 'k-ed-inline-code',
    },
  };
}
