import { readFileSync } from 'node:fs';
import { LabelConfigError } from '../core/errors';

/** What a file-system error code means, in words. */
function describeFileProblem(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder, not a file';
    default:
      return error.code ?? error.message;
  }
}

/**
 * Reads the `--label-config` file. A file that cannot be read gives one line naming it, why, and where the XML
 * comes from, not a stack trace.
 */
export function readLabelConfigFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new LabelConfigError(
      `cannot read the --label-config file (${describeFileProblem(error as NodeJS.ErrnoException)}); give the path of the project's labeling config XML (Label Studio: project Settings → Labeling Interface → Code)`,
      { location: { file } },
    );
  }
}
