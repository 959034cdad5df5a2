// The demo library a new user sees on first run: a made-up product, its scope catalogue, a few
// customers with their requests in every status, and answers written the way the app suggests.
export { demoAnswers } from './answers';
export { demoCapabilities } from './capabilities';
export { demoCustomers } from './customers';
export { demoQuestions } from './questions';
export { demoTemplates } from './templates';

export const demoProduct = {
  name: 'Sirius サイトビルダー',
  description: '小さなお店や事務所のためのホームページ作成ツール。',
  currentVersion: '4.2.1',
  versions: ['4.0.0', '4.1.0', '4.2.0', '4.2.1'],
};

export const demoVendor = {
  name: 'Sirius サポート',
  nameEn: 'Sirius Support',
  email: 'support@sirius.example.jp',
  colour: '#2f6f5e',
};
