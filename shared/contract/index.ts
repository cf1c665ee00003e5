export * from './roles';
export * from './errors';
export * from './schemas';
export * from './operations';
export * from './api';
export * from './methods';
export * from './issues';
export * from './packages';
