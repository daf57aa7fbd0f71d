import { oneLine } from './one-line';

describe('oneLine', () => {
  test.each<[string, string]>([
    ['plain', 'plain'],
    ['two  spaces', 'two spaces'],
    ['line\nbreak', 'line break'],
    ['\t tabs \r\n and\u00a0more ', 'tabs and more'],
    ['  ', ''],
  ])('%j → %j', (text, line) => {
    expect(oneLine(text)).toBe(line);
  });
});
