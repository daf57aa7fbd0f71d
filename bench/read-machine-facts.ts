import os from 'node:os';

export interface MachineFacts {
  node: string;
  cpuModel: string;
  cores: number;
  memoryGigabytes: number;
  kernel: string;
  loadAverage: string;
}

/** What the figures depend on: Node's version, the CPU, how many cores, and how busy the machine already is. */
export function readMachineFacts(): MachineFacts {
  const cpus = os.cpus();
  return {
    node: process.version,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGigabytes: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    kernel: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAverage: os
      .loadavg()
      .map((value) => value.toFixed(2))
      .join(' '),
  };
}
