import type { TokenLogprob } from '../spec/language-model';
import { locateJsonObjectNode, type JsonNode, type ObjectNode } from '../json/scan-json-positions';
import type { ControlAnswer } from '../spec/stages';

/** The confidence of one mention of a span control, in the order of the parsed answer's `mentions`. */
export interface MentionConfidence {
  /** The parsed mention's label and quote. */
  label: string;
  text: string;
  confidence: number;
}

export interface LogprobConfidence {
  /** The lowest confidence of the answered controls; null when there is none, or one cannot be measured. */
  score: number | null;
  /** Per answered control whose value was found in the text. */
  perControl: Map<string, number>;
  /**
   * Per span control (answer value `{ mentions: [...] }`): one entry per parsed mention, index-aligned with `mentions`,
   * from the tokens of the mention's `label` value. Missing when the answer items cannot be paired with the mentions.
   */
  perSpan: Map<string, MentionConfidence[]>;
}

/** Half-open `[start, end)` character range. */
type CharacterRange = [number, number];

/** The value of the last member with this key: `JSON.parse` keeps the last of duplicate keys. */
function findKey(node: ObjectNode, key: string): JsonNode | undefined {
  for (let index = node.members.length - 1; index >= 0; index -= 1) {
    if (node.members[index]!.key === key) return node.members[index]!.value;
  }
  return undefined;
}

/** The member's value as the parser picks it: the key exactly, else ignoring case. */
function findMemberValue(object: ObjectNode, key: string): JsonNode | undefined {
  const exact = findKey(object, key);
  if (exact) return exact;
  const lowerKey = key.toLowerCase();
  const firstMatch = object.members.find((member) => member.key.toLowerCase() === lowerKey);
  return firstMatch && findKey(object, firstMatch.key);
}

function collectLeafRanges(node: JsonNode, ranges: CharacterRange[]): void {
  switch (node.kind) {
    case 'string':
      if (node.end - node.start > 2) ranges.push([node.start + 1, node.end - 1]);
      return;
    case 'literal':
      ranges.push([node.start, node.end]);
      return;
    case 'array':
      for (const item of node.items) collectLeafRanges(item, ranges);
      return;
    case 'object':
      for (const member of node.members) collectLeafRanges(member.value, ranges);
  }
}

/**
 * The characters that say what the value is: string contents without quotes, numbers and keywords; keys and
 * punctuation are dictated by the schema. A value without such characters (`""`, `[]`, `{}`) is all of its text.
 */
function valueRanges(node: JsonNode): CharacterRange[] {
  const ranges: CharacterRange[] = [];
  collectLeafRanges(node, ranges);
  return ranges.length > 0 ? ranges : [[node.start, node.end]];
}

/** Token positions in the text; null when the tokens do not spell the text exactly. */
class TokenPositions {
  private constructor(
    private readonly starts: number[],
    private readonly ends: number[],
    private readonly logprobs: number[],
  ) {}

  static create(text: string, tokenLogprobs: readonly TokenLogprob[]): TokenPositions | null {
    const starts: number[] = [];
    const ends: number[] = [];
    const logprobs: number[] = [];
    let position = 0;
    for (const { token, logprob } of tokenLogprobs) {
      if (typeof token !== 'string' || Number.isNaN(logprob) || logprob === Infinity) return null;
      if (!text.startsWith(token, position)) return null;
      starts.push(position);
      position += token.length;
      ends.push(position);
      logprobs.push(logprob);
    }
    return position === text.length ? new TokenPositions(starts, ends, logprobs) : null;
  }

  /** exp of the summed logprobs of the tokens overlapping any of the ranges, each token once. */
  confidenceOver(ranges: readonly CharacterRange[]): number {
    const counted = new Set<number>();
    for (const [start, end] of ranges) {
      for (let index = this.firstTokenEndingAfter(start); index < this.starts.length && this.starts[index]! < end; index += 1) {
        if (this.ends[index]! > this.starts[index]!) counted.add(index);
      }
    }
    let sum = 0;
    for (const index of counted) sum += this.logprobs[index]!;
    return Math.min(1, Math.exp(sum));
  }

  private firstTokenEndingAfter(position: number): number {
    let low = 0;
    let high = this.ends.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.ends[middle]! > position) high = middle;
      else low = middle + 1;
    }
    return low;
  }
}

interface ParsedMention {
  label: string;
  text: string;
}

function parsedMentionsOf(value: unknown): ParsedMention[] | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { mentions } = value as { mentions?: unknown };
  if (!Array.isArray(mentions)) return undefined;
  const isMention = (mention: unknown): mention is ParsedMention =>
    typeof mention === 'object' &&
    mention !== null &&
    typeof (mention as ParsedMention).label === 'string' &&
    typeof (mention as ParsedMention).text === 'string';
  return mentions.every(isMention) ? mentions : undefined;
}

function isMentionObject(node: ObjectNode): boolean {
  return findKey(node, 'label') !== undefined || findKey(node, 'text') !== undefined;
}

/** The answer items as the span parsers read them: a list, one mention, or an object wrapping one list. */
function answerItemNodes(node: JsonNode): JsonNode[] | undefined {
  if (node.kind === 'array') return node.items;
  if (node.kind !== 'object') return undefined;
  if (isMentionObject(node)) return [node];
  const lists = node.members.map((member) => member.value).filter((value) => value.kind === 'array');
  return lists.length === 1 ? (lists[0] as Extract<JsonNode, { kind: 'array' }>).items : undefined;
}

/**
 * Pairs each parsed mention with its answer item: the parsers keep usable items in answer order and leave the others
 * out, so the mentions are a subsequence of the items, recognised by their trimmed quote.
 */
function pairMentionLabels(mentions: ParsedMention[], items: JsonNode[]): JsonNode[] | undefined {
  const labels: JsonNode[] = [];
  let itemIndex = 0;
  for (const mention of mentions) {
    for (; itemIndex < items.length; itemIndex += 1) {
      const item = items[itemIndex]!;
      const label = item.kind === 'object' ? findKey(item, 'label') : undefined;
      const quote = item.kind === 'object' ? findKey(item, 'text') : undefined;
      if (label?.kind === 'string' && quote?.kind === 'string' && quote.decoded.trim() === mention.text) break;
    }
    const item = items[itemIndex];
    if (item?.kind !== 'object') return undefined;
    labels.push(findKey(item, 'label')!);
    itemIndex += 1;
  }
  return labels;
}

/**
 * A span control's mentions, each from the tokens of its `label` value (the quote and context are copied from the
 * task text, so their tokens say little about the model's choice).
 */
function measureMentions(mentions: ParsedMention[], value: JsonNode, tokens: TokenPositions): MentionConfidence[] | undefined {
  const items = answerItemNodes(value);
  const labels = items && pairMentionLabels(mentions, items);
  return labels?.map((label, index) => ({
    label: mentions[index]!.label,
    text: mentions[index]!.text,
    confidence: tokens.confidenceOver(valueRanges(label)),
  }));
}

/**
 * Confidence of a model answer from its token log-probabilities. A control's confidence is the probability the model
 * gave the tokens of its chosen value (exp of their summed logprobs); a span control's is its least confident
 * mention. Nothing is guessed: tokens that do not spell the text, or an answered value that cannot be found, give a
 * null score.
 */
export function computeLogprobConfidence({
  text,
  tokenLogprobs,
  answers,
}: {
  text: string;
  tokenLogprobs: readonly TokenLogprob[] | undefined;
  answers: ReadonlyMap<string, ControlAnswer>;
}): LogprobConfidence {
  const perControl = new Map<string, number>();
  const perSpan = new Map<string, MentionConfidence[]>();
  const answered = [...answers].filter(
    (entry): entry is [string, Extract<ControlAnswer, { status: 'answered' }>] => entry[1].status === 'answered',
  );
  const tokens = tokenLogprobs ? TokenPositions.create(text, tokenLogprobs) : null;
  if (!tokens || answered.length === 0) return { score: null, perControl, perSpan };

  const object = locateJsonObjectNode(text);
  let everyValueFound = true;
  for (const [control, answer] of answered) {
    const value = object ? findMemberValue(object, control) : undefined;
    if (!value && !object && answers.size === 1) {
      // The parser read the whole text as the answer of a single control (a plain-text answer).
      const start = text.length - text.trimStart().length;
      perControl.set(control, tokens.confidenceOver([[start, text.trimEnd().length]]));
      continue;
    }
    if (!value) {
      everyValueFound = false;
      continue;
    }
    const mentions = parsedMentionsOf(answer.value);
    const mentionConfidences = mentions && mentions.length > 0 ? measureMentions(mentions, value, tokens) : undefined;
    if (mentionConfidences) perSpan.set(control, mentionConfidences);
    const confidence = mentionConfidences
      ? Math.min(...mentionConfidences.map((mention) => mention.confidence))
      : tokens.confidenceOver(valueRanges(value));
    perControl.set(control, confidence);
  }

  // The minimum, not a product or mean: a prediction is as trustworthy as its least certain control, and the score
  // should not fall just because the labeling config has more controls.
  const score = everyValueFound ? Math.min(...perControl.values()) : null;
  return { score, perControl, perSpan };
}
