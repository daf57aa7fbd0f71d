/**
 * Closing-tag escaping for data placed between `<tag>` and `</tag>` in a prompt, with plain string operations (no
 * regular expression is ever built from a field name). `</tag`, in any letter case, with any whitespace after `</`,
 * and followed by anything but a name character (`>`, `/`, whitespace, a JSON escape, the end of the text) may read
 * as the end of the element; every such occurrence in the data becomes `<\/tag…`, so data cannot close its own
 * delimiter.
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
    // `</textual>` is another tag; `</text>`, `</text >`, `</text\n>` and JSON's `</text\\n>` all close this one.
    if (isNameCharacter(text[nameEnd])) continue;
    result += `${text.slice(from, index)}<\\/`;
    from = index + 2;
  }
  return result + text.slice(from);
}

/** The text between `<tag>` and `</tag>` on lines of their own, with every closing tag inside escaped. */
export function delimitData(tag: string, text: string): string {
  return `<${tag}>\n${escapeClosingTag(text, tag)}\n</${tag}>`;
}

function isNameCharacter(character: string | undefined): boolean {
  if (character === undefined) return false;
  const code = character.charCodeAt(0);
  return (
    (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || character === '_' || character === '-' || character === '.' || character === ':' || code > 0x7f
  );
}

function isWhitespace(character: string): boolean {
  return character === ' ' || character === '\t' || character === '\n' || character === '\r' || character === '\f' || character === '\v';
}
