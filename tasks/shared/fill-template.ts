import { ownProperty } from '../../core/shared/own-property';

/** Replaces each `{name}` with its value in one pass, so braces inside values stay as written. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => (ownProperty(values, name) as string | undefined) ?? placeholder);
}
