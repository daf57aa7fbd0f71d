import { locateJsonObject } from './extract-json-object';

/** A JSON value found in the text: `start` and `end` (exclusive) are UTF-16 offsets, strings with their quotes. */
export type JsonNode =
  | { kind: 'string'; start: number; end: number; decoded: string }
  | { kind: 'literal'; start: number; end: number }
  | { kind: 'array'; start: number; end: number; items: JsonNode[] }
  | { kind: 'object'; start: number; end: number; members: Array<{ key: string; value: JsonNode }> };

export type ObjectNode = Extract<JsonNode, { kind: 'object' }>;

class JsonSyntaxError extends Error {}

const WHITESPACE = /[ \t\n\r]*/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const KEYWORD = /true|false|null/y;

/** Strict JSON (RFC 8259) scanner that keeps where each value is in the text. */
class PositionedJsonScanner {
  private index: number;

  constructor(
    private readonly text: string,
    start: number,
    private readonly end: number,
  ) {
    this.index = start;
  }

  /** The single value filling the scanned range, whitespace around it allowed. */
  scanWhole(): JsonNode {
    const value = this.scanValue();
    this.skipWhitespace();
    if (this.index !== this.end) throw new JsonSyntaxError(`unexpected text at ${this.index}`);
    return value;
  }

  private skipWhitespace(): void {
    this.index = this.match(WHITESPACE)?.end ?? this.index;
  }

  private match(pattern: RegExp): { start: number; end: number } | undefined {
    pattern.lastIndex = this.index;
    const found = pattern.exec(this.text);
    if (!found || pattern.lastIndex > this.end) return undefined;
    return { start: this.index, end: pattern.lastIndex };
  }

  private peek(): string | undefined {
    return this.index < this.end ? this.text[this.index] : undefined;
  }

  private expect(character: string): void {
    if (this.peek() !== character) throw new JsonSyntaxError(`expected ${character} at ${this.index}`);
    this.index += 1;
  }

  private scanValue(): JsonNode {
    this.skipWhitespace();
    const character = this.peek();
    if (character === '{') return this.scanObject();
    if (character === '[') return this.scanArray();
    if (character === '"') return this.scanString();
    const literal = this.match(character === '-' || (character !== undefined && /\d/.test(character)) ? NUMBER : KEYWORD);
    if (!literal || literal.end === literal.start) throw new JsonSyntaxError(`unexpected value at ${this.index}`);
    this.index = literal.end;
    return { kind: 'literal', ...literal };
  }

  private scanString(): Extract<JsonNode, { kind: 'string' }> {
    const start = this.index;
    this.index += 1;
    while (this.index < this.end && this.text[this.index] !== '"') this.index += this.text[this.index] === '\\' ? 2 : 1;
    this.expect('"');
    try {
      return { kind: 'string', start, end: this.index, decoded: JSON.parse(this.text.slice(start, this.index)) as string };
    } catch {
      throw new JsonSyntaxError(`invalid string at ${start}`);
    }
  }

  private scanArray(): JsonNode {
    const start = this.index;
    const items: JsonNode[] = [];
    this.expect('[');
    this.skipWhitespace();
    if (this.peek() === ']') {
      this.index += 1;
      return { kind: 'array', start, end: this.index, items };
    }
    for (;;) {
      items.push(this.scanValue());
      this.skipWhitespace();
      if (this.peek() !== ',') break;
      this.index += 1;
    }
    this.expect(']');
    return { kind: 'array', start, end: this.index, items };
  }

  private scanObject(): ObjectNode {
    const start = this.index;
    const members: ObjectNode['members'] = [];
    this.expect('{');
    this.skipWhitespace();
    if (this.peek() === '}') {
      this.index += 1;
      return { kind: 'object', start, end: this.index, members };
    }
    for (;;) {
      this.skipWhitespace();
      if (this.peek() !== '"') throw new JsonSyntaxError(`expected a key at ${this.index}`);
      const key = this.scanString().decoded;
      this.skipWhitespace();
      this.expect(':');
      members.push({ key, value: this.scanValue() });
      this.skipWhitespace();
      if (this.peek() !== ',') break;
      this.index += 1;
    }
    this.expect('}');
    return { kind: 'object', start, end: this.index, members };
  }
}

function scanObject(text: string, start: number, end: number): ObjectNode | undefined {
  try {
    const node = new PositionedJsonScanner(text, start, end).scanWhole();
    return node.kind === 'object' ? node : undefined;
  } catch (error) {
    // A value nested deeper than the call stack allows is not an answer to locate either.
    if (error instanceof JsonSyntaxError || error instanceof RangeError) return undefined;
    throw error;
  }
}

/** The answer object, found where `extractJsonObject` finds it (same search order), with positions. */
export function locateJsonObjectNode(text: string): ObjectNode | undefined {
  return locateJsonObject(text, (start, end) => scanObject(text, start, end));
}
