// Survey packages, batches, keys and the crypto under them (see docs/file-formats.md).
export * from './age';
export * from './analyst-keys';
export * from './atomic-write';
export * from './batch';
export * from './bounded-read';
export * from './device-key';
export * from './hash';
export * from './key-files';
export * from './key-protector';
export * from './signing';
export * from './survey-package';
