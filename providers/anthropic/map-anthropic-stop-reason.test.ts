import type { FinishReason } from '../../core/spec/language-model';
import { mapAnthropicStopReason } from './map-anthropic-stop-reason';

describe('mapAnthropicStopReason', () => {
  it.each<[string | null | undefined, boolean, FinishReason]>([
    ['end_turn', false, 'stop'],
    ['stop_sequence', false, 'stop'],
    ['tool_use', true, 'stop'],
    ['tool_use', false, 'tool-calls'],
    ['max_tokens', false, 'length'],
    ['max_tokens', true, 'length'],
    ['model_context_window_exceeded', false, 'length'],
    ['refusal', false, 'content-filter'],
    ['pause_turn', false, 'other'],
    ['something_new', false, 'other'],
    [null, false, 'other'],
    [undefined, false, 'other'],
  ])('maps %p (answer tool called: %p) to %s', (stopReason, calledAnswerTool, unified) => {
    expect(mapAnthropicStopReason(stopReason, calledAnswerTool)).toBe(unified);
  });
});
