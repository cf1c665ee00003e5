// The form runtime: evaluates an interview's answers against a compiled form (relevance,
// required, constraints, calculations, choice filters, repeats, missing codes). See docs/forms-runtime.md.
export { createFormRuntime, type FormRuntime, type RuntimeStats } from './runtime';
export { evaluateRecord } from './evaluateRecord';
export * from './types';
export { lastSavedAnswers, lastSavedNamesOf } from './lastSaved';
