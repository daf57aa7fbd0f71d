import { LineCounter, parseDocument } from 'yaml';
import { expandReferences, hasLiteralText, interpolateEnvironment, parseReferences } from './interpolate-environment';

function interpolate(source: string, environment: NodeJS.ProcessEnv) {
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter });
  const result = interpolateEnvironment({ file: 'project.yaml', source, document, lineCounter, environment });
  return { ...result, data: document.toJS() as Record<string, unknown> };
}

describe('expandReferences', () => {
  const environment = { NAME: 'world', EMPTY: '', NUMBER: '0.5' };
  it.each([
    ['no reference', 'plain text', 'plain text', []],
    ['a reference', 'hello ${NAME}', 'hello world', []],
    ['a default, variable set', '${NAME:-nobody}', 'world', []],
    ['a default, variable unset', '${UNSET:-nobody}', 'nobody', []],
    ['a default, variable empty', '${EMPTY:-nobody}', 'nobody', []],
    ['an empty variable without default', '[${EMPTY}]', '[]', []],
    ['an empty default', '[${UNSET:-}]', '[]', []],
    ['a reference in a default', '${UNSET:-${NAME}}', 'world', []],
    ['an escaped reference', 'cost: $${NAME} $5 $$', 'cost: ${NAME} $5 $$', []],
    ['a default with a URL', '${UNSET:-https://api.example.com/v1}', 'https://api.example.com/v1', []],
    ['an unset variable', 'a ${UNSET} b ${NAME}', 'a  b world', ['UNSET']],
    ['an unset variable in a used default', '${UNSET:-${ALSO_UNSET}}', '', ['ALSO_UNSET']],
    ['an unset variable in an unused default', '${NAME:-${ALSO_UNSET}}', 'world', []],
    ['a name the environment only inherits', '${constructor}', '', ['constructor']],
    ['another inherited name, with a default', '${toString:-plain}', 'plain', []],
  ])('%s', (_name, text, expected, missing) => {
    const parsed = parseReferences(text);
    if ('error' in parsed) throw new Error(parsed.error);
    const expanded = expandReferences(parsed.parts, environment);
    expect(expanded.text).toBe(expected);
    expect(expanded.missing).toEqual(missing);
  });

  it.each([
    ['no name', 'a ${} b'],
    ['a name starting with a digit', '${1ABC}'],
    ['a dash default without colon', '${NAME-default}'],
    ['an unclosed default', '${NAME:-default'],
  ])('refuses %s', (_name, text) => {
    expect(parseReferences(text)).toEqual({ error: expect.stringMatching(/environment reference|not closed/) });
  });

  it.each([
    ['${KEY}', false],
    ['${KEY:-}', false],
    ['${KEY:-${OTHER_KEY}}', false],
    ['sk-${KEY}', true],
    ['${KEY:-sk-123}', true],
    ['${A}${B}', false],
  ])('%s has literal text: %s', (text, expected) => {
    const parsed = parseReferences(text);
    if ('error' in parsed) throw new Error(parsed.error);
    expect(hasLiteralText(parsed.parts)).toBe(expected);
  });
});

describe('interpolateEnvironment', () => {
  it.each([
    ['a whole plain reference becomes a number', 'value: ${TEMP:-0.2}', {}, 0.2],
    ['a set variable becomes an integer', 'value: ${TOKENS}', { TOKENS: '512' }, 512],
    ['a set variable becomes a boolean', 'value: ${FLAG}', { FLAG: 'true' }, true],
    ['a quoted reference stays a string', 'value: "${TOKENS}"', { TOKENS: '512' }, '512'],
    ['a single-quoted reference stays a string', "value: '${TOKENS}'", { TOKENS: '512' }, '512'],
    ['a reference with text stays a string', 'value: v${TOKENS}', { TOKENS: '512' }, 'v512'],
    ['a YAML-looking value stays a string', 'value: ${TEXT}', { TEXT: 'a: b' }, 'a: b'],
    ['an empty value stays an empty string', 'value: ${EMPTY}', { EMPTY: '' }, ''],
    ['a block scalar is interpolated as text', 'value: |\n  model ${MODEL}\n  {text}\n', { MODEL: '4' }, 'model 4\n{text}\n'],
  ])('%s', (_name, source, environment, expected) => {
    const result = interpolate(source, environment);
    expect(result.problems).toEqual([]);
    expect(result.data.value).toStrictEqual(expected);
  });

  it('records where references are, with their variables', () => {
    const result = interpolate('provider:\n  api_key: ${KEY}\n  list: [a, "${A}${B:-x}"]\nother: plain\n', { KEY: 'k', A: 'a' });
    expect(result.references.map(({ field, variables, hasLiteralText: literal }) => ({ field, variables, literal }))).toEqual([
      { field: 'provider.api_key', variables: ['KEY'], literal: false },
      { field: 'provider.list[1]', variables: ['A', 'B'], literal: true },
    ]);
  });

  it('leaves map keys alone', () => {
    expect(interpolate('${KEY}: 1\n', { KEY: 'k' }).data).toEqual({ '${KEY}': 1 });
  });

  it('names the file, line, field and variable of an unset variable, and leaves the value as written', () => {
    const result = interpolate('a: 1\nprovider:\n  model: ${MODEL_NAME}\n', {});
    expect(result.problems).toEqual([
      {
        file: 'project.yaml',
        line: 3,
        column: 10,
        field: 'provider.model',
        message: 'environment variable MODEL_NAME is not set (give a default with ${MODEL_NAME:-default})',
      },
    ]);
    expect(result.unresolvedFields).toEqual(new Set(['provider.model']));
    expect(result.data).toEqual({ a: 1, provider: { model: '${MODEL_NAME}' } });
  });

  it('points at the line of an unset variable inside a block scalar', () => {
    const result = interpolate('template: |\n  first\n  second ${WHO}\n', {});
    expect(result.problems).toEqual([expect.objectContaining({ line: 3, column: 10, field: 'template' })]);
  });

  it('reports a malformed reference at its scalar', () => {
    const result = interpolate('a: 1\nb: [x, "${NAME-default}"]\n', {});
    expect(result.problems).toEqual([expect.objectContaining({ line: 2, column: 8, field: 'b[1]' })]);
  });
});
