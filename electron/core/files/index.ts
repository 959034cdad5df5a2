export { produceAtomically, tempPathFor, writeFileAtomic, writeFileAtomicSync } from './atomicWrite';
export { assertOutputFolder } from './outputFolder';
export { confinedRealPath } from './confine';
