/** The message of anything thrown: its `message` when that is a string, else the value as a string. */
export function errorMessageOf(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}
