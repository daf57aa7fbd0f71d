const MAX_QUOTED_LENGTH = 80;

/** A text as JSON, shortened, for problem descriptions. */
export function quoteText(text: string): string {
  return JSON.stringify(text.length > MAX_QUOTED_LENGTH ? `${text.slice(0, MAX_QUOTED_LENGTH)}…` : text);
}
