import type { Ratio } from './evaluation-report';

export function createRatio(count: number, total: number): Ratio {
  return { count, total, rate: total === 0 ? null : count / total };
}
