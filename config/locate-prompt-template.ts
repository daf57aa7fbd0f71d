import { isScalar, Scalar } from 'yaml';
import type { PromptTemplateSource } from '../core/spec/project-settings';
import { locateYamlNode, positionOfNode } from './locate-yaml-node';
import type { CheckContext } from './project-file-context';

/** An inline template's line is that of its first text line: for a block scalar, the line after `|` or `>`. */
export function templateSource(
  context: CheckContext,
  inlineTemplate: string | undefined,
  templateFile: { file: string; text: string } | null,
): PromptTemplateSource | null {
  if (templateFile) return { text: templateFile.text, file: templateFile.file, line: 1 };
  if (inlineTemplate === undefined) return null;
  const node = locateYamlNode(context.document, ['prompt', 'template']).node;
  const isBlock = isScalar(node) && (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED);
  const line = positionOfNode(context.lineCounter, node).line + (isBlock ? 1 : 0);
  return { text: inlineTemplate, file: context.file, line };
}
