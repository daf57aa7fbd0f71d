/** A Markdown code fence as models write them: ``` with an optional language tag, the contents, ```. */
const CODE_FENCE_SOURCE = '```[A-Za-z]*[^\\S\\n]*\\n?([\\s\\S]*?)```';
const CODE_FENCES = new RegExp(CODE_FENCE_SOURCE, 'dg');
const WHOLE_CODE_FENCE = new RegExp(`^${CODE_FENCE_SOURCE}$`);

/** Half-open `[start, end)` range of UTF-16 offsets. */
export type TextRange = [start: number, end: number];

/** Where the contents of each code fence in the text are, in order. */
export function findCodeFences(text: string): TextRange[] {
  return [...text.matchAll(CODE_FENCES)].flatMap((match) => {
    const contents = match.indices?.[1];
    return contents ? [[contents[0], contents[1]] as TextRange] : [];
  });
}

/** The contents when the whole (trimmed) text is one code fence, else the trimmed text. */
export function unwrapCodeFence(text: string): string {
  const trimmed = text.trim();
  return WHOLE_CODE_FENCE.exec(trimmed)?.[1] ?? trimmed;
}
