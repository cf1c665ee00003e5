// Public face of the satisfaction-index computation (docs/indices.md).
export * from './types';
export { createSampleBuilder, reduceSample, type ReducedSample, type SampleBuilder } from './reduce';
export { computeGroups, linearisedInterval } from './compute';
export { computeIndices, indicesBy, indicesByUnit, indicesOverall, type RespondentRef } from './group';
export { groupReport, unitReport, roundTo, type ComponentReport, type GroupReport, type ItemReport, type UnitReport } from './report';
export { wilsonInterval, Z95 } from './wilson';
export { DEFAULT_REPLICATES, DEFAULT_SEED } from './bootstrap';
export { seededRandom, xoshiro128ss, type Random } from './prng';
