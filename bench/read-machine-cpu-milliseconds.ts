import { readFileSync } from 'node:fs';
import { readClockTicksPerSecond } from './read-clock-ticks-per-second';

/**
 * CPU time every process on the machine has used since boot, in milliseconds, from the first line of /proc/stat
 * (every state but idle and iowait; steal counts, as time taken by others). The bench subtracts its own and the
 * server's share to show how busy the rest of the machine was during a scenario.
 */
export function readMachineCpuMilliseconds(): number {
  const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? '';
  const [, user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = line.trim().split(/\s+/).map(Number);
  return ((user + nice + system + irq + softirq + steal) * 1000) / readClockTicksPerSecond();
}
