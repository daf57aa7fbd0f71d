import { execFileSync } from 'node:child_process';

let clockTicksPerSecond: number | undefined;

/** USER_HZ, the unit of the CPU times in /proc (`getconf CLK_TCK`, 100 on Linux when it cannot be asked). */
export function readClockTicksPerSecond(): number {
  if (clockTicksPerSecond === undefined) {
    try {
      clockTicksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8', timeout: 5_000 }).trim()) || 100;
    } catch {
      clockTicksPerSecond = 100;
    }
  }
  return clockTicksPerSecond;
}
