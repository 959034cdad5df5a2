export { indexFrames } from './frames';
