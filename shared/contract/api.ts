// The client view of the contract: one async function per operation, named by its `method`,
// returning a Result. Both the preload bridge and the preview host's HTTP client implement it.
import type { Result } from './errors';
import { operations, type OperationName, type Operations, type RequestOf, type ResponseOf } from './operations';

type MethodName<N extends OperationName> = Operations[N]['method'];

export type KhaosatApi = {
  [N in OperationName as MethodName<N>]: (request: RequestOf<N>) => Promise<Result<ResponseOf<N>>>;
};

/** method name → operation name, for faces that receive a method call. */
export const OPERATION_BY_METHOD: Record<string, OperationName> = Object.fromEntries(
  (Object.keys(operations) as OperationName[]).map((name) => [operations[name].method, name]),
);
