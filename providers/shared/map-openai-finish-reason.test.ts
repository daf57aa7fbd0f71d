import type { FinishReason } from '../../core/spec/language-model';
import { mapOpenAIFinishReason } from './map-openai-finish-reason';

describe('mapOpenAIFinishReason', () => {
  it.each<[string | null | undefined, FinishReason]>([
    ['stop', 'stop'],
    ['length', 'length'],
    ['content_filter', 'content-filter'],
    ['tool_calls', 'tool-calls'],
    ['function_call', 'tool-calls'],
    ['something_new', 'other'],
    [null, 'other'],
    [undefined, 'other'],
  ])('maps %p to %s', (raw, unified) => {
    expect(mapOpenAIFinishReason(raw)).toBe(unified);
  });
});
