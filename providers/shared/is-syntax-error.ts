/** Whether a thrown value is a SyntaxError, from this realm or another (jest), as an unreadable JSON body throws. */
export function isSyntaxError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'SyntaxError';
}
