import { defaultTreeAdapter, html as htmlSpecification, parse, parseFragment, type DefaultTreeAdapterMap } from 'parse5';

type ParentNode = DefaultTreeAdapterMap['parentNode'];
type ChildNode = DefaultTreeAdapterMap['childNode'];
type Element = DefaultTreeAdapterMap['element'];
type TextNode = DefaultTreeAdapterMap['textNode'];

/** A text node of the HTML as Label Studio's editor has it. */
export interface HypertextNode {
  /** The XPath Label Studio writes for it, from the root (the iframe's `<body>`, or the inline `<div>`): `/p[1]/text()[1]`. */
  xpath: string;
  value: string;
  /** Where its first code point is in the shown text, or -1 when it is not shown (`<style>`, `<title>`, ...). */
  textStart: number;
}

/** A code point of the shown text: its text node and UTF-16 offset there (Label Studio's HyperText offsets are UTF-16). */
export interface HypertextPosition {
  node: number;
  offset: number;
}

export interface HypertextView {
  /** The shown text: text nodes in document order, with a line break between blocks and for `<br>`. */
  text: string;
  /** The code points of `text`. */
  characters: string[];
  /** For each code point of `text`, where it is in the HTML; null for an added line break. */
  positions: Array<HypertextPosition | null>;
  nodes: HypertextNode[];
  nodeByXpath: Map<string, number>;
}

/** Label Studio's sanitiser removes these elements with their content before the HTML is shown. */
const REMOVED_ELEMENTS = new Set(['script', 'iframe']);
/** ...and the text inside these. */
const EMPTIED_ELEMENTS = new Set(['textarea', 'option', 'noscript']);
/** Text that is in the document but not shown. */
const HIDDEN_ELEMENTS = new Set(['style', 'script', 'noscript', 'template', 'textarea', 'option', 'title', 'head']);
const BLOCK_ELEMENTS = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li', 'main',
  'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

function isElement(node: ChildNode): node is Element {
  return 'tagName' in node;
}

function isText(node: ChildNode): node is TextNode {
  return node.nodeName === '#text';
}

function findChildElement(parent: ParentNode, tagName: string): Element | undefined {
  return parent.childNodes.find((child): child is Element => isElement(child) && child.tagName === tagName);
}

/** The root the editor computes XPaths from: `<body>` of the document in the iframe, or the `<div>` of inline HTML. */
function parseRoot(source: string, inline: boolean): ParentNode {
  if (inline) return parseFragment(defaultTreeAdapter.createElement('div', htmlSpecification.NS.HTML, []), source, {});
  const document = parse(source);
  const html = findChildElement(document, 'html');
  return (html && findChildElement(html, 'body')) ?? document;
}

/** What Label Studio's sanitiser does to the tree: no scripts, iframes or comments; adjacent texts become one node. */
function cleanLikeLabelStudio(root: ParentNode): void {
  const pending: ParentNode[] = [root];
  for (let parent = pending.pop(); parent; parent = pending.pop()) {
    const emptied = 'tagName' in parent && EMPTIED_ELEMENTS.has(parent.tagName);
    const kept: ChildNode[] = [];
    for (const child of parent.childNodes) {
      const last = kept[kept.length - 1];
      if (isText(child)) {
        if (emptied) continue;
        if (last && isText(last)) last.value += child.value;
        else kept.push(child);
      } else if (isElement(child) && !REMOVED_ELEMENTS.has(child.tagName)) {
        kept.push(child);
        pending.push(child);
      }
    }
    parent.childNodes = kept;
  }
}

interface Frame {
  parent: ParentNode;
  next: number;
  xpath: string;
  counters: Map<string, number>;
  hidden: boolean;
  block: boolean;
}

function nextIndex(counters: Map<string, number>, name: string): number {
  const index = (counters.get(name) ?? 0) + 1;
  counters.set(name, index);
  return index;
}

function collectText(root: ParentNode): HypertextView {
  const view: HypertextView = { text: '', characters: [], positions: [], nodes: [], nodeByXpath: new Map() };
  const addBreak = (): void => {
    if (view.characters.length === 0 || view.positions[view.positions.length - 1] === null) return;
    view.characters.push('\n');
    view.positions.push(null);
  };
  const addText = (node: TextNode, frame: Frame): void => {
    const xpath = `${frame.xpath}/text()[${nextIndex(frame.counters, 'text()')}]`;
    const index = view.nodes.length;
    view.nodes.push({ xpath, value: node.value, textStart: frame.hidden ? -1 : view.characters.length });
    view.nodeByXpath.set(xpath, index);
    if (frame.hidden) return;
    let offset = 0;
    for (const character of node.value) {
      view.characters.push(character);
      view.positions.push({ node: index, offset });
      offset += character.length;
    }
  };
  const frames: Frame[] = [{ parent: root, next: 0, xpath: '', counters: new Map(), hidden: false, block: false }];
  for (let frame = frames[0]; frame; frame = frames[frames.length - 1]) {
    const child = frame.parent.childNodes[frame.next];
    frame.next += 1;
    if (!child) {
      frames.pop();
      if (frame.block) addBreak();
    } else if (isText(child)) {
      addText(child, frame);
    } else if (isElement(child)) {
      const name = child.tagName.toLowerCase();
      const block = BLOCK_ELEMENTS.has(name) || name === 'br';
      if (block) addBreak();
      frames.push({
        parent: child,
        next: 0,
        xpath: `${frame.xpath}/${name}[${nextIndex(frame.counters, name)}]`,
        counters: new Map(),
        hidden: frame.hidden || HIDDEN_ELEMENTS.has(name),
        block,
      });
    }
  }
  view.text = view.characters.join('');
  return view;
}

let lastRead: { source: string; inline: boolean; view: HypertextView } | undefined;

/**
 * HTML → its text nodes with the XPaths Label Studio's HyperText uses, and the shown text to find mentions in.
 * Parsed as browsers do (parse5, HTML5), cleaned as Label Studio's sanitiser does. The last result is reused, as
 * mapping and then validating one task reads the same HTML several times.
 */
export function readHypertext(source: string, inline: boolean): HypertextView {
  if (lastRead?.source === source && lastRead.inline === inline) return lastRead.view;
  const root = parseRoot(source, inline);
  cleanLikeLabelStudio(root);
  const view = collectText(root);
  lastRead = { source, inline, view };
  return view;
}
