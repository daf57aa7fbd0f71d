/** The value, or undefined when it is missing or only whitespace. */
export function nonEmpty(value: string | undefined): string | undefined {
  return value?.trim() ? value : undefined;
}
