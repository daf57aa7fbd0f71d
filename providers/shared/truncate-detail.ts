const MAX_DETAIL_LENGTH = 500;

/** The text, cut to 500 characters and an ellipsis when it is longer. */
export function truncateDetail(text: string): string {
  return text.length > MAX_DETAIL_LENGTH ? `${text.slice(0, MAX_DETAIL_LENGTH)}…` : text;
}
