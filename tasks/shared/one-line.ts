/** The text with each run of white space, line breaks included, made one space, and no space at either end. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
