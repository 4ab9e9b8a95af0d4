export { openStore, type OpenStoreOptions } from './open-store.js';
export { StoreError, type StoreErrorCode } from './store-error.js';
export * from './store.js';
