export interface DemoTemplate {
  kind: string;
  language: 'ja' | 'en';
  name: string;
  body: string;
}

// Starting points the vendor edits in Settings; `{{name}}` is replaced with the customer's name.
export const demoTemplates: DemoTemplate[] = [
  {
    kind: 'greeting',
    language: 'ja',
    name: '挨拶',
    body: '{{name}} 様\n\nお問い合わせいただきありがとうございます。',
  },
  {
    kind: 'closing',
    language: 'ja',
    name: '結び',
    body: 'ご不明な点がありましたら、このメールにご返信ください。\n引き続きよろしくお願いいたします。',
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
    body: 'If anything is unclear, just reply to this e-mail.\nBest regards,',
  },
];
