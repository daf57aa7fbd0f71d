import type { FinishReason } from '../../core/spec/language-model';

/**
 * The Messages API's `stop_reason` → the unified finish reason. `tool_use` is a normal end (`stop`) when the model
 * called the tool that carries the answer, and `tool-calls` otherwise.
 */
export function mapAnthropicStopReason(stopReason: string | null | undefined, calledAnswerTool: boolean): FinishReason {
  switch (stopReason) {
    case 'end_turn':
    case 'stop_sequence':
      return 'stop';
    case 'tool_use':
      return calledAnswerTool ? 'stop' : 'tool-calls';
    case 'max_tokens':
    case 'model_context_window_exceeded':
      return 'length';
    case 'refusal':
      return 'content-filter';
    default:
      return 'other';
  }
}
