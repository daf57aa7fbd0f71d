/** How a fix names the place to change a setting: the project's YAML file, or any project YAML for the defaults. */
export function describeSettingsFile(sourceFile: string | null): string {
  return sourceFile ?? 'a project YAML file (projects/NAME.yaml)';
}

/** Where the model is set: the project's `provider.model`, or PRELABEL_MODEL for the built-in default pipeline. */
export function describeModelSetting(sourceFile: string | null): string {
  return sourceFile ? `provider.model in ${sourceFile}` : `PRELABEL_MODEL (the default pipeline's model), or provider.model in ${describeSettingsFile(null)},`;
}
