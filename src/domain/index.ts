// Public surface of the pure attendance-ladder engine (no Apps Script or Node APIs).

export * from './types';
export * from './dates';
export * from './calendar';
export * from './policy';
export * from './policy-settings';
export * from './counting';
export * from './doc-index';
export * from './gates';
export * from './steps';
export * from './action-chains';
export * from './due';
export * from './letters-due';
export * from './validation';
export * from './engine';
