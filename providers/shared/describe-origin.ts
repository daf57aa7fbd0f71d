/** The origin of a base URL, the only part of it error messages show. */
export function describeOrigin(baseURL: string): string {
  try {
    return new URL(baseURL).origin;
  } catch {
    return 'the configured base URL';
  }
}
