/**
 * How quotes are compared with the text: `exact` as written; `loose` ignoring case, Unicode normalisation form,
 * typographic quotes and dashes, invisible format characters and how much whitespace separates words.
 */
export type FoldMode = 'exact' | 'loose';

/** A text seen through a fold: UTF-16 unit `i` of `folded` comes from code points `starts[i]` to `ends[i]` (exclusive). */
export interface FoldedText {
  folded: string;
  starts: number[];
  ends: number[];
}

const PUNCTUATION_FOLDS: Readonly<Record<string, string>> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u201B': "'",
  '\u2032': "'",
  '\u00B4': "'",
  '`': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u201F': '"',
  '\u2033': '"',
  '\u00AB': '"',
  '\u00BB': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2015': '-',
  '\u2212': '-',
};

const WHITESPACE = /^\s$/u;
const FORMAT_CHARACTER = /^\p{Cf}$/u;

/** One code point, loosely: whitespace → a space, format characters → nothing, else NFKD and lower case. */
function foldCodePoint(codePoint: string): string {
  if (WHITESPACE.test(codePoint)) return ' ';
  if (FORMAT_CHARACTER.test(codePoint)) return '';
  return (PUNCTUATION_FOLDS[codePoint] ?? codePoint).normalize('NFKD').toLowerCase();
}

/** Folds the text code point by code point, so every folded unit maps back to the code points it came from. */
export function foldText(text: string, mode: FoldMode): FoldedText {
  const units: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let index = 0;
  for (const codePoint of text) {
    const piece = mode === 'exact' ? codePoint : foldCodePoint(codePoint);
    if (piece === ' ' && mode === 'loose' && units[units.length - 1] === ' ') {
      ends[ends.length - 1] = index + 1;
    } else {
      for (const unit of piece.split('')) {
        units.push(unit);
        starts.push(index);
        ends.push(index + 1);
      }
    }
    index += 1;
  }
  return { folded: units.join(''), starts, ends };
}

/** A quote or context folded the way texts are, without surrounding whitespace when loose. */
export function foldNeedle(text: string, mode: FoldMode): string {
  const { folded } = foldText(text, mode);
  return mode === 'loose' ? folded.trim() : folded;
}
