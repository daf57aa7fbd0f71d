import type { ControlParseResult } from '../../core/spec/control-task';

export function abstain(reason: string): ControlParseResult {
  return { status: 'abstained', reason };
}
