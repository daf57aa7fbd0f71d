import type { ObjectTag } from '../../core/spec/label-config';
import { isTextOrImageObjectWithData } from './is-text-or-image-object-with-data';

function object(type: string, dataField: string | null): ObjectTag {
  return { type, name: 'object', value: dataField ? `$${dataField}` : 'literal', dataField, attributes: {} };
}

describe('isTextOrImageObjectWithData', () => {
  it.each<[string, ObjectTag, boolean]>([
    ['Text with data', object('Text', 'text'), true],
    ['Paragraphs with data', object('Paragraphs', 'dialogue'), true],
    ['Image with data', object('Image', 'image'), true],
    ['Image with a literal value', object('Image', null), false],
    ['Audio', object('Audio', 'audio'), false],
    ['Video', object('Video', 'video'), false],
  ])('%s → %s', (_name, tag, expected) => {
    expect(isTextOrImageObjectWithData(tag)).toBe(expected);
  });
});
