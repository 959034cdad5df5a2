export { textIn, translatorFor } from './translator';
