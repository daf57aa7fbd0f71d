/** How a fix names the place to change a setting: the project's YAML file, or any project YAML for the defaults. */
export function describeSettingsFile(sourceFile: string | null): string {
  return sourceFile ?? 'a project YAML file (projects/NAME.yaml)';
}
