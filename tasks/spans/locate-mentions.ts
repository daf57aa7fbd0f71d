import { quoteText } from '../shared/quote-text';
import { foldNeedle, foldText, type FoldMode, type FoldedText } from './fold-text';
import type { Mention } from './parse-labels-answer';

/** Where a mention is in the text: code point offsets (end exclusive) and the text there, exactly as written. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

export type LocatedMention<M extends Mention = Mention> = Span & { mention: M };

export interface UnlocatedMention<M extends Mention = Mention> {
  mention: M;
  reason: string;
}

export interface LocatedMentions<M extends Mention = Mention> {
  located: LocatedMention<M>[];
  notFound: UnlocatedMention<M>[];
}

/** Finds mentions in one text, remembering which occurrences earlier identical mentions took. */
export interface MentionLocator {
  locate(mention: Mention): Span | null;
}

interface Candidate {
  start: number;
  end: number;
}

const CLUSTER_CONTINUATION = /^[\p{M}\p{Emoji_Modifier}\u200D]$/u;
const ZERO_WIDTH_JOINER = '\u200D';

function continuesCluster(codePoint: string | undefined): boolean {
  return codePoint !== undefined && CLUSTER_CONTINUATION.test(codePoint);
}

/**
 * The candidate widened to whole characters: combining marks, emoji modifiers and joined emoji after its end join
 * it; a candidate that starts inside a character is no candidate.
 */
function toWholeCharacters(candidate: Candidate, codePoints: string[]): Candidate | null {
  const { start } = candidate;
  if (continuesCluster(codePoints[start]) || codePoints[start - 1] === ZERO_WIDTH_JOINER) return null;
  let end = candidate.end;
  while (continuesCluster(codePoints[end]) || codePoints[end - 1] === ZERO_WIDTH_JOINER) end += 1;
  return { start, end: Math.min(end, codePoints.length) };
}

/** Quote within context before quote alone; exact before loose in each. */
const SEARCH_LEVELS: ReadonlyArray<{ mode: FoldMode; useContext: boolean }> = [
  { mode: 'exact', useContext: true },
  { mode: 'loose', useContext: true },
  { mode: 'exact', useContext: false },
  { mode: 'loose', useContext: false },
];

function findAll(haystack: string, needle: string): number[] {
  const found: number[] = [];
  if (needle === '') return found;
  for (let index = haystack.indexOf(needle); index !== -1; index = haystack.indexOf(needle, index + 1)) {
    found.push(index);
  }
  return found;
}

function unitAt(list: number[], index: number): number {
  return list[index] ?? -1;
}

/** The code points a folded match covers, or null when it starts or ends inside one code point's folding. */
function toCandidate(view: FoldedText, unit: number, length: number): Candidate | null {
  const { starts, ends } = view;
  const after = unit + length;
  if (unit > 0 && unitAt(starts, unit - 1) === unitAt(starts, unit)) return null;
  if (after < starts.length && unitAt(starts, after) === unitAt(starts, after - 1)) return null;
  return { start: unitAt(starts, unit), end: unitAt(ends, after - 1) };
}

function quoteCandidates(view: FoldedText, quote: string): Candidate[] {
  return findAll(view.folded, quote)
    .map((unit) => toCandidate(view, unit, quote.length))
    .filter((candidate): candidate is Candidate => candidate !== null);
}

function contextCandidates(view: FoldedText, quote: string, context: string): Candidate[] {
  const quoteInContext = findAll(context, quote);
  if (quoteInContext.length === 0 || context === quote) return [];
  const byStart = new Map<number, Candidate>();
  for (const contextUnit of findAll(view.folded, context)) {
    for (const quoteUnit of quoteInContext) {
      const candidate = toCandidate(view, contextUnit + quoteUnit, quote.length);
      if (candidate && !byStart.has(candidate.start)) byStart.set(candidate.start, candidate);
    }
  }
  return [...byStart.values()].sort((left, right) => left.start - right.start);
}

/**
 * A locator over one text. A mention is searched for inside its context, then alone; exactly, then loosely (case,
 * whitespace, Unicode form, typographic punctuation), never starting or ending inside a character (a letter and its
 * combining marks, an emoji and its modifiers or joined emoji). Among the occurrences found it takes the first one at or after
 * the mention's chunk offset that no earlier identical mention (same chunk, label and quote) took.
 */
export function createMentionLocator(text: string): MentionLocator {
  const views = new Map<FoldMode, FoldedText>();
  const codePoints = [...text];
  const taken = new Map<string, Set<number>>();
  const viewOf = (mode: FoldMode): FoldedText => {
    let view = views.get(mode);
    if (!view) {
      view = foldText(text, mode);
      views.set(mode, view);
    }
    return view;
  };
  const candidatesFor = (mention: Mention): Candidate[] => {
    for (const { mode, useContext } of SEARCH_LEVELS) {
      const quote = foldNeedle(mention.text, mode);
      if (quote === '') continue;
      const view = viewOf(mode);
      const found = useContext
        ? contextCandidates(view, quote, foldNeedle(mention.context, mode))
        : quoteCandidates(view, quote);
      const candidates = found
        .map((candidate) => toWholeCharacters(candidate, codePoints))
        .filter((candidate): candidate is Candidate => candidate !== null);
      if (candidates.length > 0) return candidates;
    }
    return [];
  };
  return {
    locate(mention) {
      const candidates = candidatesFor(mention);
      const key = JSON.stringify([mention.offset, mention.label, mention.text]);
      const takenStarts = taken.get(key) ?? new Set<number>();
      const fresh = candidates.filter((candidate) => !takenStarts.has(candidate.start));
      const pool = fresh.length > 0 ? fresh : candidates;
      const chosen = pool.find((candidate) => candidate.start >= mention.offset) ?? pool[0];
      if (!chosen) return null;
      takenStarts.add(chosen.start);
      taken.set(key, takenStarts);
      return { start: chosen.start, end: chosen.end, text: codePoints.slice(chosen.start, chosen.end).join('') };
    },
  };
}

export function describeUnlocated(mention: Mention, where = 'the text'): string {
  return `${quoteText(mention.text)} (${mention.label}) is not in ${where}`;
}

/** Finds each mention in the text (code point offsets); mentions that cannot be found are listed with the reason. */
export function locateMentions<M extends Mention>(text: string, mentions: M[]): LocatedMentions<M> {
  const locator = createMentionLocator(text);
  const result: LocatedMentions<M> = { located: [], notFound: [] };
  for (const mention of mentions) {
    const span = locator.locate(mention);
    if (span) result.located.push({ ...span, mention });
    else result.notFound.push({ mention, reason: describeUnlocated(mention) });
  }
  return result;
}
