/**
 * Closing-tag escaping for data placed between `<tag>` and `</tag>` in a prompt, with plain string operations (no
 * regular expression is ever built from a field name). An HTML-style closing tag `</tag` followed by `>`, `/`,
 * whitespace or the end of the text ends the element, whatever the letter case and whitespace; every such occurrence
 * in the data becomes `<\/tag…`, so data cannot close its own delimiter.
 */
export function escapeClosingTag(text: string, tag: string): string {
  const wanted = tag.toLowerCase();
  let result = '';
  let from = 0;
  for (let index = text.indexOf('</', from); index >= 0; index = text.indexOf('</', index + 2)) {
    let nameStart = index + 2;
    while (nameStart < text.length && isWhitespace(text[nameStart] as string)) nameStart += 1;
    const nameEnd = nameStart + tag.length;
    if (text.slice(nameStart, nameEnd).toLowerCase() !== wanted) continue;
    const after = text[nameEnd];
    if (after !== undefined && after !== '>' && after !== '/' && !isWhitespace(after)) continue;
    result += `${text.slice(from, index)}<\\/`;
    from = index + 2;
  }
  return result + text.slice(from);
}

/** The text between `<tag>` and `</tag>` on lines of their own, with every closing tag inside escaped. */
export function delimitData(tag: string, text: string): string {
  return `<${tag}>\n${escapeClosingTag(text, tag)}\n</${tag}>`;
}

function isWhitespace(character: string): boolean {
  return character === ' ' || character === '\t' || character === '\n' || character === '\r' || character === '\f' || character === '\v';
}
