/** The text of anything thrown: an Error's message, or the thrown value as a string. */
export const errorText = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
