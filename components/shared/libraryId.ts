// One rule for library keys everywhere: the panel's saved markers must match what the store saved.
export { libraryIdFor } from '../../lib/library/entry';
