import type { z } from 'zod';

/**
 * One operation of the contract. `response` is a phantom: only its type matters, the
 * handlers in main are typed from it, so a handler returning the wrong shape does not compile.
 */
export interface OperationDef<Req extends z.ZodType, Res> {
  request: Req;
  /** true for the few operations one may call before signing in */
  public: boolean;
  readonly response?: Res;
}

export function operation<Res>() {
  return <Req extends z.ZodType>(request: Req, opts: { public?: boolean } = {}): OperationDef<Req, Res> => ({
    request,
    public: opts.public ?? false,
  });
}
