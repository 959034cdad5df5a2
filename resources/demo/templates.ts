import { step } from '../../shared/answers/document';

export interface DemoTemplate {
  kind: string;
  language: 'ja' | 'en';
  name: string;
  body: string;
}

// Starting points the vendor inserts from the editor's snippet menu or slash menu; `{{name}}` is
// replaced with the customer's name. A body of `{"nodes": [...]}` is a rich snippet of whole blocks
// in the stored answer format (here: common steps).
const steps = (...list: [string, string][]) =>
  JSON.stringify({
    nodes: list.map(([action, expected], i) => step(action, expected, { stepId: `tpl-${i + 1}` })),
  });

export const demoTemplates: DemoTemplate[] = [
  {
    kind: 'greeting',
    language: 'ja',
    name: '挨拶',
    body: '{{name}} 様\n\nいつもお世話になっております。\nこのたびはお問い合わせいただき、誠にありがとうございます。',
  },
  {
    kind: 'closing',
    language: 'ja',
    name: '結び',
    body: 'ご不明な点がございましたら、このメールにご返信ください。\n何卒よろしくお願いいたします。',
  },
  {
    kind: 'greeting',
    language: 'en',
    name: 'Greeting',
    body: 'Dear {{name}},\n\nThank you for getting in touch.',
  },
  {
    kind: 'closing',
    language: 'en',
    name: 'Closing',
    body: 'If anything is unclear, just reply to this e-mail.\n\nKind regards,',
  },
  {
    kind: 'steps',
    language: 'ja',
    name: '最新の表示に読み込み直す',
    body: steps(
      [
        'ページを開いたまま、Ctrl と Shift を押しながら R を押します（Mac では Command と Shift を押しながら R）。',
        'ページが読み込み直され、最新の内容が表示されます。',
      ],
      ['表示が変わらないときは、ブラウザをいったん閉じてから開き直します。', '最新の内容が表示されます。'],
    ),
  },
  {
    kind: 'steps',
    language: 'en',
    name: 'Reload the latest version of the page',
    body: steps(
      [
        'With the page open, hold Ctrl and Shift and press R (on a Mac: Command, Shift and R).',
        'The page reloads and shows the latest content.',
      ],
      ['If nothing changes, close the browser and open it again.', 'The latest content is shown.'],
    ),
  },
];
