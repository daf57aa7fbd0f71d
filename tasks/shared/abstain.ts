import type { ControlParseResult } from '../../core/control-task';

export function abstain(reason: string): ControlParseResult {
  return { status: 'abstained', reason };
}
