// File formats that cross USB sticks: canonical JSON and the manifest/payload shapes of survey
// packages and batches. See docs/file-formats.md.
export * from './canonical-json';
export * from './common';
export * from './survey-package';
export * from './batch';
