import { injectable } from 'tsyringe';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { LabelConfigError } from '../errors';
import type { ControlOption, ControlTag, LabelConfig, ObjectTag } from '../spec/label-config';
import type { ConfigParser } from '../spec/stages';
import { ownProperty } from '../shared/own-property';
import { isRecord } from '../shared/is-record';
import { errorMessageOf } from '../shared/error-message-of';

export const LABEL_STUDIO_XML_CONFIG_PARSER = 'label-studio-xml.v1';

/** What a labeling config may cost: anything larger, deeper or busier is refused before or while it is read. */
export const LABEL_CONFIG_LIMITS = {
  maximumCharacters: 1_000_000,
  maximumDepth: 100,
  maximumElements: 20_000,
} as const;

/** Tags that are never controls even when they carry `name` and `toName` (protocol doc §8). */
const NOT_CONTROL_TAGS = new Set(['Filter']);

/** Tags that are options of their nearest ancestor control. */
const OPTION_TAGS = new Set(['Choice', 'Label']);

const PREDEFINED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

/** `&#x41;`, `&#65;`, `&name;`, or a bare `&` (no group matches). */
const REFERENCE = /&(?:#x([0-9A-Fa-f]+);|#([0-9]+);|([A-Za-z_][A-Za-z0-9._-]*);)?/g;

/** fast-xml-parser's preserveOrder shape: `{ [tagName]: children, ':@': attributes }` or `{ '#text': text }`. */
const ATTRIBUTES_KEY = ':@';
const TEXT_KEY = '#text';
const DEPTH_ERROR_FROM_PARSER = /maximum nested tags/i;

const xmlParser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  processEntities: false,
  htmlEntities: false,
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // The parser's own count lets one level more through than ours; the walk reports depth with our message.
  maxNestedTags: LABEL_CONFIG_LIMITS.maximumDepth,
});

interface XmlElement {
  tagName: string;
  attributes: Record<string, string>;
  children: unknown[];
}

interface PendingNode {
  node: unknown;
  depth: number;
  /** The nearest ancestor control, which owns options found here. */
  control: ControlTag | null;
  /** The nearest ancestor option of that control, which owns nested options (Taxonomy). */
  parentOption: ControlOption | null;
}

/** The default config parser stage: Label Studio labeling config XML → objects and controls (protocol doc §8). */
@injectable()
export class LabelStudioXmlConfigParser implements ConfigParser {
  readonly specificationVersion = 'v1';

  parse({ xml }: { xml: string }): LabelConfig {
    checkInputIsSafe(xml);
    checkWellFormed(xml);
    const root = parseRootElement(xml);
    const config = collectTags(root);
    checkReferences(config);
    return config;
  }
}

function checkInputIsSafe(xml: unknown): asserts xml is string {
  if (typeof xml !== 'string') {
    throw new LabelConfigError(`the labeling config must be a string, not ${xml === null ? 'null' : typeof xml}`);
  }
  if (xml.length > LABEL_CONFIG_LIMITS.maximumCharacters) {
    throw new LabelConfigError(
      `the labeling config is too large: ${xml.length} characters, at most ${LABEL_CONFIG_LIMITS.maximumCharacters} are allowed`,
    );
  }
  if (xml.trim() === '') {
    throw new LabelConfigError('the labeling config is empty');
  }
  // Checked on the raw text, before any XML reading: a DOCTYPE can define entities that expand
  // exponentially (billion laughs) or name external files (XXE). Label Studio configs never need one.
  if (/<!DOCTYPE/i.test(xml)) {
    throw new LabelConfigError(
      'the labeling config contains a DOCTYPE declaration, which is not allowed (it can declare entities that expand or read external files)',
    );
  }
  if (/<!ENTITY/i.test(xml)) {
    throw new LabelConfigError('the labeling config contains an ENTITY declaration, which is not allowed');
  }
}

function checkWellFormed(xml: string): void {
  const result = XMLValidator.validate(xml);
  if (result === true) {
    // The validator and the parser both let text after a self-closing root element through unnoticed.
    if (!xml.trimEnd().endsWith('>')) {
      throw new LabelConfigError('the labeling config is not well-formed XML: it has text after its last tag');
    }
    return;
  }
  const { msg, line, col } = result.err;
  const unclosedTags = unclosedTagsFrom(msg);
  if (unclosedTags) {
    throw new LabelConfigError(
      `the labeling config is not well-formed XML: ${unclosedTags.length} tags are never closed, the outermost is <${unclosedTags[0]}>`,
    );
  }
  const place = col === undefined ? `line ${line}` : `line ${line}, column ${col}`;
  throw new LabelConfigError(`the labeling config is not well-formed XML: ${shorten(msg)} (${place})`, {
    location: { line, column: col },
  });
}

/** The validator reports several unclosed tags as `Invalid '["View","Choices"]' found.` at line 1: list them instead. */
function unclosedTagsFrom(message: string): string[] | null {
  const match = /^Invalid '(\[.*\])' found\.$/s.exec(message);
  if (!match?.[1]) return null;
  try {
    const tags: unknown = JSON.parse(match[1]);
    return Array.isArray(tags) && tags.length > 0 ? tags.map(String) : null;
  } catch {
    return null;
  }
}

function shorten(text: string, maximumLength = 300): string {
  return text.length <= maximumLength ? text : `${text.slice(0, maximumLength)}…`;
}

function parseRootElement(xml: string): unknown {
  let nodes: unknown;
  try {
    nodes = xmlParser.parse(xml);
  } catch (error) {
    const message = errorMessageOf(error);
    if (DEPTH_ERROR_FROM_PARSER.test(message)) throw tooDeepError();
    throw new LabelConfigError(`the labeling config could not be parsed: ${shorten(message)}`, { cause: error });
  }
  if (!Array.isArray(nodes)) throw new LabelConfigError('the labeling config could not be parsed');
  const roots = nodes.filter((node) => !isWhitespaceText(node));
  if (roots.length !== 1 || elementName(roots[0]) === null) {
    throw new LabelConfigError(
      `the labeling config must have exactly one root element, found ${roots.length} top-level nodes`,
    );
  }
  return roots[0];
}

function tooDeepError(): LabelConfigError {
  return new LabelConfigError(
    `the labeling config nests elements deeper than ${LABEL_CONFIG_LIMITS.maximumDepth} levels`,
  );
}

function isWhitespaceText(node: unknown): boolean {
  return isRecord(node) && TEXT_KEY in node && String(node[TEXT_KEY]).trim() === '';
}

/** The tag name of an element node, or null for text and anything else. */
function elementName(node: unknown): string | null {
  if (!isRecord(node)) return null;
  const tagName = Object.keys(node).find((key) => key !== ATTRIBUTES_KEY);
  if (tagName === undefined || tagName === TEXT_KEY || !Array.isArray(node[tagName])) return null;
  return tagName;
}

function readElement(node: unknown): XmlElement | null {
  const tagName = elementName(node);
  if (tagName === null || !isRecord(node)) return null;
  const rawAttributes = node[ATTRIBUTES_KEY];
  // Object.fromEntries defines own properties, so an attribute named `__proto__` stays an attribute.
  const attributes: Record<string, string> = isRecord(rawAttributes)
    ? Object.fromEntries(
        Object.entries(rawAttributes).map(([attributeName, rawValue]) => [
          attributeName,
          decodeAttributeValue(String(rawValue), `attribute "${attributeName}" of <${tagName}>`),
        ]),
      )
    : {};
  return { tagName, attributes, children: node[tagName] as unknown[] };
}

/**
 * What an XML processor makes of an attribute value, given that fast-xml-parser runs with entity processing off:
 * tabs and line breaks become spaces, then the five predefined entities and numeric character references are
 * decoded. Anything else after `&` is an error, as is a raw `<`.
 */
function decodeAttributeValue(raw: string, where: string): string {
  if (raw.includes('<')) {
    throw new LabelConfigError(`${where} contains a raw "<"; write it as &lt;`);
  }
  const normalized = raw.replace(/\r\n?|[\n\t]/g, ' ');
  return normalized.replace(
    REFERENCE,
    (reference, hexadecimal?: string, decimal?: string, entityName?: string): string => {
      if (hexadecimal !== undefined || decimal !== undefined) {
        const codePoint = hexadecimal !== undefined ? parseInt(hexadecimal, 16) : parseInt(decimal ?? '', 10);
        if (!isXmlCharacter(codePoint)) {
          throw new LabelConfigError(`${where} contains ${reference}, which is not a character XML allows`);
        }
        return String.fromCodePoint(codePoint);
      }
      if (entityName !== undefined) {
        const character = Object.hasOwn(PREDEFINED_ENTITIES, entityName) ? PREDEFINED_ENTITIES[entityName] : undefined;
        if (character === undefined) {
          throw new LabelConfigError(
            `${where} uses the undefined entity ${reference}; only &amp; &lt; &gt; &quot; &apos; and numeric references are allowed`,
          );
        }
        return character;
      }
      throw new LabelConfigError(`${where} contains an "&" that does not start a character reference; write it as &amp;`);
    },
  );
}

function isXmlCharacter(codePoint: number): boolean {
  return (
    codePoint === 0x9 ||
    codePoint === 0xa ||
    codePoint === 0xd ||
    (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
    (codePoint >= 0x10000 && codePoint <= 0x10ffff)
  );
}

/** A non-empty attribute value, or undefined. */
function attributeOf(element: XmlElement, attributeName: string): string | undefined {
  const value = ownProperty(element.attributes, attributeName) as string | undefined;
  return value === undefined || value === '' ? undefined : value;
}

function isControl(element: XmlElement): boolean {
  return (
    attributeOf(element, 'name') !== undefined &&
    attributeOf(element, 'toName') !== undefined &&
    !NOT_CONTROL_TAGS.has(element.tagName)
  );
}

function isObject(element: XmlElement): boolean {
  return (
    attributeOf(element, 'name') !== undefined &&
    (attributeOf(element, 'value') !== undefined || attributeOf(element, 'valueList') !== undefined)
  );
}

function toControlTag(element: XmlElement): ControlTag {
  const name = element.attributes.name ?? '';
  const toName = (element.attributes.toName ?? '')
    .split(',')
    .map((target) => target.trim())
    .filter((target) => target !== '');
  if (toName.length === 0) {
    throw new LabelConfigError(`control "${name}" (<${element.tagName}>) has an empty toName`);
  }
  return {
    type: element.tagName,
    name,
    toName,
    choice: element.attributes.choice === 'multiple' ? 'multiple' : 'single',
    required: element.attributes.required === 'true',
    options: [],
    dynamicOptions: (element.attributes.value ?? '').startsWith('$') || attributeOf(element, 'apiUrl') !== undefined,
    perRegion: element.attributes.perRegion === 'true',
    attributes: element.attributes,
  };
}

function toObjectTag(element: XmlElement): ObjectTag {
  const value = attributeOf(element, 'value') ?? attributeOf(element, 'valueList') ?? '';
  return {
    type: element.tagName,
    name: element.attributes.name ?? '',
    value,
    dataField: value.startsWith('$') ? value.slice(1) : null,
    attributes: element.attributes,
  };
}

function toControlOption(element: XmlElement, control: ControlTag): ControlOption {
  const value = element.attributes.value;
  if (value === undefined) {
    throw new LabelConfigError(`a <${element.tagName}> in control "${control.name}" has no value attribute`);
  }
  const alias = attributeOf(element, 'alias');
  const hint = attributeOf(element, 'hint');
  const option: ControlOption = { value, resultValue: alias ?? value, attributes: element.attributes, children: [] };
  if (alias !== undefined) option.alias = alias;
  if (hint !== undefined) option.hint = hint;
  return option;
}

/** Walks the tree in document order without recursion, so depth is bounded by our check, not the call stack. */
function collectTags(root: unknown): LabelConfig {
  const objects: ObjectTag[] = [];
  const controls: ControlTag[] = [];
  const tagTypeByName = new Map<string, string>();
  const registerName = (name: string, tagType: string): void => {
    const earlier = tagTypeByName.get(name);
    if (earlier !== undefined) {
      throw new LabelConfigError(
        `the name "${name}" is used by both <${earlier}> and <${tagType}>; every object and control tag needs its own name`,
      );
    }
    tagTypeByName.set(name, tagType);
  };

  const pending: PendingNode[] = [{ node: root, depth: 1, control: null, parentOption: null }];
  let elementCount = 0;
  for (let current = pending.pop(); current !== undefined; current = pending.pop()) {
    const element = readElement(current.node);
    if (element === null) continue;
    elementCount += 1;
    if (elementCount > LABEL_CONFIG_LIMITS.maximumElements) {
      throw new LabelConfigError(
        `the labeling config has more than ${LABEL_CONFIG_LIMITS.maximumElements} elements`,
      );
    }
    if (current.depth > LABEL_CONFIG_LIMITS.maximumDepth) throw tooDeepError();

    let { control, parentOption } = current;
    if (isControl(element)) {
      control = toControlTag(element);
      parentOption = null;
      registerName(control.name, control.type);
      controls.push(control);
    } else if (OPTION_TAGS.has(element.tagName)) {
      if (control !== null) {
        const option = toControlOption(element, control);
        (parentOption?.children ?? control.options).push(option);
        parentOption = option;
      }
    } else if (isObject(element)) {
      const object = toObjectTag(element);
      registerName(object.name, object.type);
      objects.push(object);
    }

    for (let index = element.children.length - 1; index >= 0; index -= 1) {
      pending.push({ node: element.children[index], depth: current.depth + 1, control, parentOption });
    }
  }
  return { objects, controls };
}

function checkReferences({ objects, controls }: LabelConfig): void {
  const objectNames = new Set(objects.map((object) => object.name));
  const known = objects.length > 0 ? `object tags: ${[...objectNames].join(', ')}` : 'the config has no object tags';
  for (const control of controls) {
    for (const target of control.toName) {
      if (!objectNames.has(target)) {
        throw new LabelConfigError(
          `control "${control.name}" (<${control.type}>) has toName "${target}", but no object tag is named "${target}" (${known})`,
        );
      }
    }
  }
}
