/** The pool itself failed (workers cannot start, or it was disposed): not a verdict on code. */
export class SandboxPoolError extends Error {
  override name = 'SandboxPoolError';
}

/**
 * Whether an error is the pool's own failure, also after it crossed a worker boundary (which
 * keeps an error's name and message, not its class).
 */
export const isSandboxPoolError = (error: unknown): boolean =>
  error instanceof Error && error.name === 'SandboxPoolError';
