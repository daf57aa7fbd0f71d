import { readHypertext } from './read-hypertext';

function nodesOf(source: string, inline = false): Array<[string, string, boolean]> {
  return readHypertext(source, inline).nodes.map(({ xpath, value, textStart }) => [xpath, value, textStart !== -1]);
}

describe('readHypertext', () => {
  test.each<[string, string, boolean, Array<[string, string, boolean]>]>([
    [
      "Label Studio's emoji example",
      '<article><h2>🐱 Warning:</h2> <p>🐱 This is a test text</p></article>',
      false,
      [
        ['/article[1]/h2[1]/text()[1]', '🐱 Warning:', true],
        ['/article[1]/text()[1]', ' ', true],
        ['/article[1]/p[1]/text()[1]', '🐱 This is a test text', true],
      ],
    ],
    ['text() counts text siblings only', '<p>a <b>b</b> c</p>', false, [['/p[1]/text()[1]', 'a ', true], ['/p[1]/b[1]/text()[1]', 'b', true], ['/p[1]/text()[2]', ' c', true]]],
    ['elements count per name', '<div><p>a</p><span>s</span><p>b</p></div>', false, [['/div[1]/p[1]/text()[1]', 'a', true], ['/div[1]/span[1]/text()[1]', 's', true], ['/div[1]/p[2]/text()[1]', 'b', true]]],
    ['the browser adds tbody', '<table><tr><td>Paris</td></tr></table>', false, [['/table[1]/tbody[1]/tr[1]/td[1]/text()[1]', 'Paris', true]]],
    ['an unclosed p is closed by the next', '<p>one<p>two', false, [['/p[1]/text()[1]', 'one', true], ['/p[2]/text()[1]', 'two', true]]],
    ['entities are decoded', '<p>AT&amp;T&nbsp;&lt;3</p>', false, [['/p[1]/text()[1]', 'AT&T\u00A0<3', true]]],
    ['scripts are removed and the texts around them joined', '<p>Hello <script>var name = "x";</script>world</p>', false, [['/p[1]/text()[1]', 'Hello world', true]]],
    ['iframes are removed', '<p>a<iframe src="x"></iframe>b</p>', false, [['/p[1]/text()[1]', 'ab', true]]],
    ['comments are removed', '<p>Barack<!-- note --> Obama</p>', false, [['/p[1]/text()[1]', 'Barack Obama', true]]],
    ['textarea text is removed', '<p>a</p><textarea>typed</textarea>', false, [['/p[1]/text()[1]', 'a', true]]],
    ['a leading style goes to the head', '<style>p {}</style><p>a</p>', false, [['/p[1]/text()[1]', 'a', true]]],
    ['a style in the body is hidden text', '<p>a</p><style>p {}</style>', false, [['/p[1]/text()[1]', 'a', true], ['/style[1]/text()[1]', 'p {}', false]]],
    ['a whole document: XPaths from the body', '<!DOCTYPE html><html><head><title>T</title></head><body><p>a</p></body></html>', false, [['/p[1]/text()[1]', 'a', true]]],
    ['inline: XPaths from the div, html and body tags dropped', '<html><body><p>a</p></body></html>', true, [['/p[1]/text()[1]', 'a', true]]],
    ['inline: a style stays where it is', '<style>p {}</style><p>a</p>', true, [['/style[1]/text()[1]', 'p {}', false], ['/p[1]/text()[1]', 'a', true]]],
    ['plain text', 'just text', false, [['/text()[1]', 'just text', true]]],
    ['nothing', '', false, []],
  ])('%s', (_case, source, inline, nodes) => {
    expect(nodesOf(source, inline)).toEqual(nodes);
  });

  test.each<[string, string]>([
    ['<article><h2>🐱 Warning:</h2> <p>🐱 This is a test text</p></article>', '🐱 Warning:\n \n🐱 This is a test text\n'],
    ['<p>line one<br>line two</p><div>three <b>four</b></div>', 'line one\nline two\nthree four\n'],
    ['<ul><li>a</li><li>b</li></ul>', 'a\nb\n'],
    ['<p>a</p><style>x</style><p>b</p>', 'a\nb\n'],
  ])('shows %j as %j', (source, text) => {
    expect(readHypertext(source, false).text).toBe(text);
  });

  test('positions give each code point its node and UTF-16 offset', () => {
    const view = readHypertext('<p>🐱 x</p>', false);
    expect(view.characters).toEqual(['🐱', ' ', 'x', '\n']);
    expect(view.positions).toEqual([{ node: 0, offset: 0 }, { node: 0, offset: 2 }, { node: 0, offset: 3 }, null]);
    expect(view.nodeByXpath.get('/p[1]/text()[1]')).toBe(0);
  });
});
