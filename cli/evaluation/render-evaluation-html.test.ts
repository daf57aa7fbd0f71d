import type { PredictionOutcome } from '../../core/spec/project-pipeline';
import { LabelStudioXmlConfigParser } from '../../core/label-config/label-config-parser';
import type { LabelStudioResult } from '../../core/spec/label-studio';
import { evaluateRun } from './evaluate-run';
import type { EvaluationReport } from './evaluation-report';
import { formatEvaluationTable } from './format-evaluation-table';
import { renderEvaluationHtml } from './render-evaluation-html';
import { withBuiltinTask } from '../../test/helpers/with-builtin-task';

const CONFIG = '<View><Text name="text" value="$text"/><Choices name="sentiment" toName="text"><Choice value="Yes"/><Choice value="No"/></Choices></View>';
const targets = new LabelStudioXmlConfigParser().parse({ xml: CONFIG }).controls.map((control) => withBuiltinTask({ control, objects: [] }));
const answer = (label: string): LabelStudioResult => ({ id: label, from_name: 'sentiment', to_name: 'text', type: 'choices', value: { choices: [label] } });

/** Four tasks, all "Yes"; the model answers with these labels and scores. */
function reportWithScores(): EvaluationReport {
  const predictions: Array<[string, number]> = [['Yes', 0.9], ['No', 0.8], ['Yes', 0.6], ['No', 0.3]];
  const outcomes: PredictionOutcome[] = predictions.map(([label, score]) => ({
    prediction: { result: [answer(label)], score, model_version: 'v1' },
    abstentions: [],
    dropped: [],
    usage: null,
  }));
  const run = evaluateRun({
    name: 'scored.yaml',
    projectFile: null,
    provider: 'openai',
    model: 'gpt-4o',
    price: null,
    modelVersion: 'v1',
    targets,
    tasks: predictions.map((_, index) => ({ task: { id: index + 1, data: { text: `t${index}` } }, groundTruth: [answer('Yes')] })),
    outcomes,
    wallTimeMs: 100,
  });
  return { labelConfigFile: 'config.xml', tasksFile: 'export.json', tasks: { inFile: 4, evaluated: 4, withoutAnnotations: 0, onlyCancelled: 0 }, notEvaluated: [], runs: [run] };
}

describe('confidence figures in the terminal table and the HTML report', () => {
  // right tasks score 0.9 and 0.6, wrong ones 0.8 and 0.3: 3 of 4 (right, wrong) pairs are ordered right
  const report = reportWithScores();

  it('prints AUROC, accuracy above each threshold and the reliability bins', () => {
    const printed = formatEvaluationTable(report);
    expect(printed).toMatch(/^ {2}AUROC \(right vs wrong\)\s+0\.750$/m);
    expect(printed).toMatch(/^ {2}accuracy at score >= 0\.50\s+0\.667 \(2\/3\)$/m);
    expect(printed).toMatch(/^ {2}accuracy at score >= 0\.85\s+1\.000 \(1\/1\)$/m);
    expect(printed).toMatch(/^ {2}reliability 0\.8-0\.9\s+mean score 0\.800, accuracy 0\.000, 1 task$/m);
    expect(printed).not.toContain('no confidence scores');
  });

  it('draws the reliability plot and shows the same figures', () => {
    const html = renderEvaluationHtml(report);
    expect(html).toContain('<svg class="reliability"');
    expect(html.match(/<circle /g)).toHaveLength(4);
    expect(html).toContain('<tr><th scope="row">AUROC (right vs wrong)</th><td>0.750</td></tr>');
    expect(html).toContain('<tr><th scope="row">accuracy at score &gt;= 0.50</th><td>0.667 (2/3)</td></tr>');
    expect(html).not.toContain('no confidence scores');
  });
});
