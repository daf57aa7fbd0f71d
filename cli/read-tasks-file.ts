import { readFileSync } from 'node:fs';
import { RequestInvalidError } from '../core/errors';
import type { LabelStudioTask } from '../core/spec/label-studio';

/**
 * Reads tasks as Label Studio exports and imports them: a JSON list whose items are tasks with `data`, or bare
 * data objects (which Label Studio's import also accepts). Bare objects are wrapped as `{data: item}`.
 */
export function readTasksFile(file: string): { tasks: LabelStudioTask[]; original: unknown[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new RequestInvalidError(`cannot read tasks: ${(error as Error).message}`, { location: { file } });
  }
  const items = Array.isArray(parsed) ? parsed : [parsed];
  const tasks = items.map((item, index) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      throw new RequestInvalidError('each task must be a JSON object', { location: { file, field: `[${index}]` } });
    }
    const record = item as Record<string, unknown>;
    const hasData = typeof record.data === 'object' && record.data !== null && !Array.isArray(record.data);
    return (hasData ? record : { data: record }) as LabelStudioTask;
  });
  return { tasks, original: items };
}
