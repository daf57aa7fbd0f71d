import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer } from '../../server/main';

describe('startServer', () => {
  it('refuses to start when a project YAML file is invalid, naming file, line and field', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'prelabel-start-'));
    writeFileSync(path.join(folder, 'bad.yaml'), 'projects: [1]\nprovider:\n  model: gpt-4o\n  timeout_ms: soon\n');
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      await startServer({ PRELABEL_PROJECTS_DIR: folder, LOG_LEVEL: 'silent', PORT: '0' });
      expect(process.exitCode).toBe(1);
      const printed = stderr.mock.calls.map((call) => String(call[0])).join('');
      expect(printed).toMatch(/bad\.yaml:4:\d+: provider\.timeout_ms/);
    } finally {
      stderr.mockRestore();
      process.exitCode = undefined;
    }
  });
});
