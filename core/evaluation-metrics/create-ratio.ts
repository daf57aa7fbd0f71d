import type { Ratio } from '../spec/control-score';

export function createRatio(count: number, total: number): Ratio {
  return { count, total, rate: total === 0 ? null : count / total };
}
