import { container } from 'tsyringe';
import { ERROR_CODES, PrelabelError } from '../errors';
import type { LabelConfig } from '../spec/label-config';
import {
  LABEL_CONFIG_LIMITS,
  LABEL_STUDIO_XML_CONFIG_PARSER,
  LabelStudioXmlConfigParser,
} from './label-config-parser';

const parser = new LabelStudioXmlConfigParser();

function parse(xml: string): LabelConfig {
  return parser.parse({ xml });
}

function errorFrom(xml: string): PrelabelError {
  try {
    parser.parse({ xml });
  } catch (error) {
    if (PrelabelError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected parse to throw');
}

/** The sentiment config from protocol doc §10.1. */
const SENTIMENT_XML =
  '<View>\n  <Text name="text" value="$text"/>\n  <Choices name="sentiment" toName="text" choice="single" showInline="true">\n    <Choice value="Positive"/>\n    <Choice value="Negative"/>\n    <Choice value="Neutral"/>\n  </Choices>\n</View>';

const option = (value: string, extra: Record<string, string> = {}) => ({
  value,
  resultValue: extra.alias ?? value,
  attributes: { value, ...extra },
  children: [],
  ...(extra.alias !== undefined && { alias: extra.alias }),
  ...(extra.hint !== undefined && { hint: extra.hint }),
});

const nest = (depth: number, inner = ''): string => '<a>'.repeat(depth) + inner + '</a>'.repeat(depth);

describe('LabelStudioXmlConfigParser', () => {
  it('is registered under a versioned name and resolvable by tsyringe', () => {
    expect(LABEL_STUDIO_XML_CONFIG_PARSER).toBe('label-studio-xml.v1');
    const resolved = container.resolve(LabelStudioXmlConfigParser);
    expect(resolved.specificationVersion).toBe('v1');
    expect(resolved.parse({ xml: SENTIMENT_XML }).controls).toHaveLength(1);
  });

  it('parses the sentiment config from protocol doc §10.1 exactly', () => {
    expect(parse(SENTIMENT_XML)).toEqual({
      objects: [{ type: 'Text', name: 'text', value: '$text', dataField: 'text', attributes: { name: 'text', value: '$text' } }],
      controls: [
        {
          type: 'Choices',
          name: 'sentiment',
          toName: ['text'],
          choice: 'single',
          required: false,
          options: [option('Positive'), option('Negative'), option('Neutral')],
          dynamicOptions: false,
          perRegion: false,
          attributes: { name: 'sentiment', toName: 'text', choice: 'single', showInline: 'true' },
        },
      ],
    });
  });

  const validConfigs: Array<{ case: string; xml: string; expected: unknown }> = [
    {
      case: 'multi-choice, required',
      xml: `<View><Text name="text" value="$text"/>
        <Choices name="topics" toName="text" choice="multiple" required="true">
          <Choice value="Sports"/><Choice value="Politics"/>
        </Choices></View>`,
      expected: {
        controls: [
          { name: 'topics', choice: 'multiple', required: true, options: [option('Sports'), option('Politics')] },
        ],
      },
    },
    {
      case: 'single-radio is single',
      xml: '<View><Text name="t" value="$t"/><Choices name="c" toName="t" choice="single-radio"><Choice value="A"/></Choices></View>',
      expected: { controls: [{ choice: 'single' }] },
    },
    {
      case: 'NER <Labels> with label attributes',
      xml: `<View>
        <Labels name="ner" toName="text">
          <Label value="Person" background="red"/>
          <Label value="Organization" background="#00ff00"/>
        </Labels>
        <Text name="text" value="$document"/>
      </View>`,
      expected: {
        objects: [{ type: 'Text', name: 'text', dataField: 'document' }],
        controls: [
          {
            type: 'Labels',
            name: 'ner',
            toName: ['text'],
            options: [option('Person', { background: 'red' }), option('Organization', { background: '#00ff00' })],
          },
        ],
      },
    },
    {
      case: 'Taxonomy with nested choices',
      xml: `<View><Text name="text" value="$text"/>
        <Taxonomy name="topic" toName="text">
          <Choice value="Online">
            <Choice value="Paywall"><Choice value="NY Times"/></Choice>
            <Choice value="Free"/>
          </Choice>
          <Choice value="Offline"/>
        </Taxonomy></View>`,
      expected: {
        controls: [
          {
            type: 'Taxonomy',
            options: [
              {
                value: 'Online',
                children: [
                  { value: 'Paywall', children: [{ value: 'NY Times', children: [] }] },
                  { value: 'Free', children: [] },
                ],
              },
              { value: 'Offline', children: [] },
            ],
          },
        ],
      },
    },
    {
      case: 'alias and hint',
      xml: `<View><Text name="text" value="$text"/>
        <Choices name="sentiment" toName="text">
          <Choice value="Positive" alias="pos" hint="The author is happy"/>
          <Choice value="Negative" hint="The author is unhappy"/>
        </Choices></View>`,
      expected: {
        controls: [
          {
            options: [
              option('Positive', { alias: 'pos', hint: 'The author is happy' }),
              option('Negative', { hint: 'The author is unhappy' }),
            ],
          },
        ],
      },
    },
    {
      case: 'several objects and controls in document order, options in nested views',
      xml: `<View>
        <Header value="Read the title and the body"/>
        <Text name="title" value="$title"/>
        <HyperText name="body" value="$html"/>
        <Image name="image" valueList="$images"/>
        <Text name="instructions" value="Label carefully"/>
        <View style="display: flex">
          <TextArea name="summary" toName="body" rows="4" maxSubmissions="1"/>
          <Rating name="stars" toName="title" maxRating="10"/>
          <Number name="price" toName="body" min="0"/>
          <DateTime name="when" toName="body" only="date"/>
          <Choices name="quality" toName="title,body">
            <View><Header value="Pick one"/><Choice value="Good"/></View>
            <Choice value="Bad"/>
          </Choices>
          <HyperTextLabels name="spans" toName="body"><Label value="Claim"/></HyperTextLabels>
          <RectangleLabels name="boxes" toName="image"><Label value="Car"/></RectangleLabels>
          <TextArea name="transcript" toName="image" perRegion="true"/>
          <Filter name="filter" toName="boxes" minlength="0"/>
        </View>
      </View>`,
      expected: {
        objects: [
          { type: 'Text', name: 'title', value: '$title', dataField: 'title' },
          { type: 'HyperText', name: 'body', value: '$html', dataField: 'html' },
          { type: 'Image', name: 'image', value: '$images', dataField: 'images' },
          { type: 'Text', name: 'instructions', value: 'Label carefully', dataField: null },
        ],
        controls: [
          { type: 'TextArea', name: 'summary', toName: ['body'], options: [], perRegion: false },
          { type: 'Rating', name: 'stars', toName: ['title'], attributes: { maxRating: '10' } },
          { type: 'Number', name: 'price', toName: ['body'] },
          { type: 'DateTime', name: 'when', toName: ['body'] },
          { type: 'Choices', name: 'quality', toName: ['title', 'body'], options: [option('Good'), option('Bad')] },
          { type: 'HyperTextLabels', name: 'spans', options: [option('Claim')] },
          { type: 'RectangleLabels', name: 'boxes', toName: ['image'] },
          { type: 'TextArea', name: 'transcript', perRegion: true },
        ],
      },
    },
    {
      case: 'Pairwise with two objects, toName trimmed',
      xml: `<View><Text name="a" value="$left"/><Text name="b" value="$right"/>
        <Pairwise name="pw" toName="a, b"/></View>`,
      expected: { controls: [{ type: 'Pairwise', name: 'pw', toName: ['a', 'b'] }] },
    },
    {
      case: 'ParagraphLabels on Paragraphs',
      xml: `<View><Paragraphs name="dialogue" value="$utterances" layout="dialogue"/>
        <ParagraphLabels name="intent" toName="dialogue"><Label value="Question"/></ParagraphLabels></View>`,
      expected: {
        objects: [{ type: 'Paragraphs', dataField: 'utterances' }],
        controls: [{ type: 'ParagraphLabels', options: [option('Question')] }],
      },
    },
    {
      case: 'dynamic choices from task data and from apiUrl',
      xml: `<View><Text name="text" value="$text"/>
        <Choices name="dynamic" toName="text" value="$options"/>
        <Taxonomy name="remote" toName="text" apiUrl="https://example.com/taxonomy.json"/>
        <Choices name="static" toName="text" value="literal"><Choice value="A"/></Choices></View>`,
      expected: {
        controls: [
          { name: 'dynamic', dynamicOptions: true, options: [] },
          { name: 'remote', dynamicOptions: true, options: [] },
          { name: 'static', dynamicOptions: false, options: [option('A')] },
        ],
      },
    },
    {
      case: 'character references in attribute values',
      xml: `<View><Text name="text" value="$text"/>
        <Choices name="c" toName="text">
          <Choice value="Q&amp;A" alias="&lt;qa&gt;" hint="say &quot;hi&quot; &apos;x&apos; &#65;&#x42;&#x1F600;"/>
        </Choices></View>`,
      expected: {
        controls: [
          {
            options: [
              { value: 'Q&A', alias: '<qa>', resultValue: '<qa>', hint: 'say "hi" \'x\' AB😀' },
            ],
          },
        ],
      },
    },
    {
      case: 'line breaks in attribute values become spaces, except as references',
      xml: '<View><Text name="text" value="$text"/><Choices name="c" toName="text"><Choice value="a\n\tb&#10;c"/></Choices></View>',
      expected: { controls: [{ options: [{ value: 'a  b\nc' }] }] },
    },
    {
      case: 'XML declaration, comments, CDATA and a byte order mark are accepted',
      xml: '\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n<!-- a comment with <Choice value="X"/> -->\n<View><![CDATA[ <Text name="no"> ]]><Text name="text" value="$text"/></View>\n',
      expected: { objects: [{ name: 'text' }], controls: [] },
    },
    {
      case: 'options outside any control are ignored',
      xml: '<View><Text name="text" value="$text"/><Choice value="stray"/><Label value="stray"/></View>',
      expected: { objects: [{ name: 'text' }], controls: [] },
    },
    {
      case: `nesting exactly ${LABEL_CONFIG_LIMITS.maximumDepth} levels deep`,
      xml: `<View>${nest(LABEL_CONFIG_LIMITS.maximumDepth - 2, '<Text name="deep" value="$deep"/>')}</View>`,
      expected: { objects: [{ name: 'deep' }] },
    },
  ];

  it.each(validConfigs)('parses: $case', ({ xml, expected }) => {
    expect(parse(xml)).toMatchObject(expected as Record<string, unknown>);
  });

  const XXE = '<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><View><Text name="t" value="&xxe;"/></View>';
  const BILLION_LAUGHS = [
    '<?xml version="1.0"?>',
    '<!DOCTYPE lolz [',
    '  <!ENTITY lol "lol">',
    ...Array.from({ length: 9 }, (_, level) => `  <!ENTITY lol${level + 1} "${`&lol${level === 0 ? '' : level};`.repeat(10)}">`),
    ']>',
    '<View><Text name="t" value="&lol9;"/></View>',
  ].join('\n');

  const invalidConfigs: Array<{ case: string; xml: string; message: RegExp }> = [
    { case: 'DOCTYPE with an external entity (XXE)', xml: XXE, message: /DOCTYPE declaration.*not allowed/ },
    { case: 'billion laughs', xml: BILLION_LAUGHS, message: /DOCTYPE declaration/ },
    { case: 'lowercase doctype', xml: '<!doctype html><View/>', message: /DOCTYPE declaration/ },
    { case: 'ENTITY declaration without a DOCTYPE', xml: '<!ENTITY x "y"><View/>', message: /ENTITY declaration/ },
    {
      case: 'unclosed tag',
      xml: '<View>\n  <Text name="text" value="$text">\n  <Choices name="c" toName="text"/>\n</View>',
      message: /not well-formed XML: Expected closing tag 'Text' .*\(line 4, column 1\)/,
    },
    {
      case: 'several tags never closed',
      xml: '<View>\n<Choices name="c" toName="t">\n<Choice value="a">',
      message: /3 tags are never closed, the outermost is <View>/,
    },
    { case: 'one tag never closed', xml: '<View>\n  <Text name="t" value="$t"/>', message: /Unclosed tag 'View'.*\(line 1/ },
    { case: 'garbage', xml: 'this is not XML', message: /not well-formed XML: .*line 1/ },
    { case: 'text before the root element', xml: 'oops<View/>', message: /not well-formed XML: .*line 1, column 1/ },
    { case: 'empty input', xml: '', message: /labeling config is empty/ },
    { case: 'whitespace-only input', xml: ' \n\t ', message: /labeling config is empty/ },
    { case: 'only a comment', xml: '<!-- nothing -->', message: /not well-formed XML: Start tag expected/ },
    { case: 'two root elements', xml: '<View/><View/>', message: /exactly one root element, found 2/ },
    { case: 'text after a self-closing root element', xml: '<View/>tail', message: /text after its last tag/ },
    { case: 'text after the root element', xml: '<View></View>\ntail', message: /Extra text at the end \(line 2/ },
    { case: 'root element unclosed, ending in text', xml: '<View>tail', message: /Unclosed tag 'View'/ },
    {
      case: 'attribute without quotes',
      xml: '<View>\n<Text name=text value="$text"/></View>',
      message: /not well-formed XML: .*line 2/,
    },
    { case: 'repeated attribute', xml: '<View a="1" a="2"/>', message: /Attribute 'a' is repeated/ },
    {
      case: `nesting ${LABEL_CONFIG_LIMITS.maximumDepth + 1} levels deep`,
      xml: nest(LABEL_CONFIG_LIMITS.maximumDepth + 1),
      message: /deeper than 100 levels/,
    },
    {
      case: `nesting ${LABEL_CONFIG_LIMITS.maximumDepth + 1} levels deep with a self-closing innermost tag`,
      xml: nest(LABEL_CONFIG_LIMITS.maximumDepth, '<b/>'),
      message: /deeper than 100 levels/,
    },
    { case: '100,000 levels deep', xml: nest(100_000), message: /deeper than 100 levels/ },
    { case: '100,000 unclosed levels', xml: '<a>'.repeat(100_000), message: /100000 tags are never closed/ },
    {
      case: 'too many elements',
      xml: `<View>${'<Header value="x"/>'.repeat(LABEL_CONFIG_LIMITS.maximumElements)}</View>`,
      message: /more than 20000 elements/,
    },
    {
      case: 'too large (5 MB)',
      xml: `<View><Text name="t" value="${'x'.repeat(5_000_000)}"/></View>`,
      message: /too large: \d+ characters, at most 1000000 are allowed/,
    },
    {
      case: 'unknown toName',
      xml: '<View><Text name="text" value="$text"/><Choices name="sentiment" toName="txt"><Choice value="A"/></Choices></View>',
      message: /control "sentiment" \(<Choices>\) has toName "txt", but no object tag is named "txt" \(object tags: text\)/,
    },
    {
      case: 'Pairwise naming one missing object',
      xml: '<View><Text name="a" value="$a"/><Pairwise name="pw" toName="a,b"/></View>',
      message: /control "pw" \(<Pairwise>\) has toName "b"/,
    },
    {
      case: 'toName naming a control',
      xml: '<View><Image name="img" value="$image"/><Rectangle name="box" toName="img"/><TextArea name="note" toName="box"/></View>',
      message: /control "note" \(<TextArea>\) has toName "box", but no object tag is named "box"/,
    },
    {
      case: 'empty toName list',
      xml: '<View><Text name="t" value="$t"/><Choices name="c" toName=" , "/></View>',
      message: /control "c" \(<Choices>\) has an empty toName/,
    },
    {
      case: 'duplicate control names',
      xml: '<View><Text name="text" value="$text"/><Choices name="label" toName="text"/><TextArea name="label" toName="text"/></View>',
      message: /the name "label" is used by both <Choices> and <TextArea>/,
    },
    {
      case: 'object and control with the same name',
      xml: '<View><Text name="text" value="$text"/><TextArea name="text" toName="text"/></View>',
      message: /the name "text" is used by both <Text> and <TextArea>/,
    },
    {
      case: 'option without a value',
      xml: '<View><Text name="t" value="$t"/><Choices name="c" toName="t"><Choice alias="x"/></Choices></View>',
      message: /a <Choice> in control "c" has no value attribute/,
    },
    {
      case: 'bare ampersand in an attribute',
      xml: '<View><Text name="t" value="$t"/><Choices name="c" toName="t"><Choice value="Q & A"/></Choices></View>',
      message: /attribute "value" of <Choice> contains an "&" that does not start a character reference/,
    },
    {
      case: 'undefined entity in an attribute',
      xml: '<View><Text name="t" value="&nbsp;"/></View>',
      message: /attribute "value" of <Text> uses the undefined entity &nbsp;/,
    },
    {
      case: 'character reference to a character XML forbids',
      xml: '<View><Text name="t" value="&#0;"/></View>',
      message: /contains &#0;, which is not a character XML allows/,
    },
    {
      case: 'raw < in an attribute',
      xml: '<View><Text name="t" value="a < b"/></View>',
      message: /attribute "value" of <Text> contains a raw "<"/,
    },
    {
      case: 'attribute named __proto__',
      xml: '<View><Text name="t" value="$t" __proto__="x"/></View>',
      message: /could not be parsed/,
    },
  ];

  it.each(invalidConfigs)('refuses: $case', ({ xml, message }) => {
    const error = errorFrom(xml);
    expect(error.code).toBe(ERROR_CODES.LABEL_CONFIG_INVALID);
    expect(error.message).toMatch(message);
  });

  it('refuses a non-string input', () => {
    expect(() => parser.parse({ xml: undefined as unknown as string })).toThrow(/must be a string, not undefined/);
  });

  it('reports the line and column of a malformed config in the error location', () => {
    const error = errorFrom('<View>\n\n  <Text name="t" value="$t">\n</View>');
    expect(error.location).toEqual({ line: 4, column: 1 });
  });

  it.each([
    { case: 'XXE', xml: XXE },
    { case: 'billion laughs', xml: BILLION_LAUGHS },
    { case: 'a 5 MB input', xml: '<View>'.repeat(1_000_000) },
    { case: '100,000 levels of nesting', xml: nest(100_000) },
  ])('refuses $case quickly', ({ xml }) => {
    const started = performance.now();
    expect(errorFrom(xml).code).toBe(ERROR_CODES.LABEL_CONFIG_INVALID);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
