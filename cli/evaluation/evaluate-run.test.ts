import { LabelStudioXmlConfigParser } from '../../core/label-config/label-config-parser';
import type { LabelStudioResult } from '../../core/spec/label-studio';
import type { PredictionOutcome } from '../../core/spec/project-pipeline';
import { evaluateRun, judgeTask } from './evaluate-run';
import type { EvaluationTask } from './read-evaluation-tasks';
import { notScored } from './evaluate-control';
import { ratingTask } from '../../tasks/rating/rating-task';
import { BUILTIN_TASKS, withBuiltinTask } from '../../test/helpers/with-builtin-task';

const CONFIG = `<View>
  <Text name="text" value="$text"/>
  <Rating name="stars" toName="text" maxRating="5"/>
  <TextArea name="summary" toName="text"/>
  <Choices name="topics" toName="text" choice="multiple"><Choice value="A"/><Choice value="B"/></Choices>
</View>`;

const targets = new LabelStudioXmlConfigParser().parse({ xml: CONFIG }).controls.map((control) => withBuiltinTask({
  control,
  objects: [],
}));

const stars = (rating: number): LabelStudioResult => ({ id: 's', from_name: 'stars', to_name: 'text', type: 'rating', value: { rating } });
const summary = (text: string): LabelStudioResult => ({ id: 't', from_name: 'summary', to_name: 'text', type: 'textarea', value: { text: [text] } });
const topics = (...labels: string[]): LabelStudioResult => ({ id: 'c', from_name: 'topics', to_name: 'text', type: 'choices', value: { choices: labels } });

function outcome(result: LabelStudioResult[], extra: Partial<PredictionOutcome> = {}): PredictionOutcome {
  return { prediction: { result, score: null, model_version: 'v1' }, abstentions: [], dropped: [], usage: { inputTokens: 100, outputTokens: 10 }, ...extra };
}

function task(id: number, groundTruth: LabelStudioResult[]): EvaluationTask {
  return { task: { id, data: { text: `task ${id}` } }, groundTruth };
}

describe('judgeTask', () => {
  it.each([
    [false, [true, true], true],
    [false, [true, null], true],
    [false, [true, false], false],
    [false, [null, null], null],
    [false, [], null],
    [true, [true, null], false],
  ])('failed %s, verdicts %j → %s', (failed, verdicts, expected) => {
    expect(judgeTask(failed, verdicts)).toBe(expected);
  });
});

describe('evaluateRun', () => {
  const tasks = [
    task(1, [stars(4), summary('A fine day.'), topics('A')]),
    task(2, [stars(2), summary('Rain all week long in the city'), topics('A', 'B')]),
    task(3, [stars(5), topics('B')]),
    task(4, [stars(3), summary('Sunny')]),
  ];
  const outcomes = [
    outcome([stars(4), summary('a fine day.'), topics('A')], { usage: { inputTokens: 1000, outputTokens: 50 } }),
    outcome([stars(3), summary('Rain all week in the city'), topics('A')], {
      abstentions: [],
      dropped: [{ control: 'stars', reason: 'rating 7 is above maxRating 5' }],
    }),
    outcome([topics('B')], { abstentions: [{ control: 'stars', reason: 'no answer' }, { control: 'summary', reason: 'no answer' }] }),
    outcome([], { usage: null, error: new Error('provider down') }),
  ];
  const run = evaluateRun({
    name: 'a.yaml',
    projectFile: '/projects/a.yaml',
    provider: 'openai',
    model: 'gpt-4o',
    price: { inputPerMillion: 2.5, outputPerMillion: 10 },
    modelVersion: 'v1',
    targets,
    tasks,
    outcomes,
    wallTimeMs: 2000,
  });
  const control = (name: string) => run.controls.find((evaluation) => evaluation.control === name);

  it('scores a Rating by exact match, with coverage, abstentions, invalid outputs and failures', () => {
    expect(control('stars')).toEqual({
      control: 'stars',
      type: 'Rating',
      metrics: { kind: 'exact', exactMatch: { count: 1, total: 4, rate: 0.25 } },
      coverage: { count: 2, total: 4, rate: 0.5 },
      abstentions: 1,
      invalidOutputs: 1,
      failures: 1,
    });
  });

  it('scores a TextArea where the human wrote one: exact 1/3, near 2/3 (token F1 of task 2: 2·6 / (7 + 6))', () => {
    const metrics = control('summary')?.metrics;
    expect(metrics).toMatchObject({ kind: 'text', exactMatch: { count: 1, total: 3 }, nearMatch: { count: 2, total: 3 } });
    expect(metrics?.kind === 'text' && metrics.meanTokenF1).toBeCloseTo((1 + 12 / 13 + 0) / 3, 10);
  });

  it('scores multiple choices by exact set match', () => {
    expect(control('topics')?.metrics).toMatchObject({ kind: 'choices', multiple: true, accuracy: { count: 2, total: 3 }, confusion: null });
  });

  it('judges each task: right when every control the human answered is right; a failed task is wrong', () => {
    expect(run.tasks).toEqual([
      { taskId: 1, right: true, score: null, controls: { stars: true, summary: true, topics: true }, error: null },
      { taskId: 2, right: false, score: null, controls: { stars: false, summary: false, topics: false }, error: null },
      { taskId: 3, right: false, score: null, controls: { stars: false, summary: null, topics: true }, error: null },
      { taskId: 4, right: false, score: null, controls: { stars: false, summary: false, topics: null }, error: 'provider down' },
    ]);
    expect(run.overall.tasksRight).toEqual({ count: 1, total: 4, rate: 0.25 });
    expect(run.confidence).toEqual({ available: false, reason: 'no confidence scores' });
  });

  it('adds up tokens, cost and time, also per 1,000 tasks', () => {
    // 1,200 in × $2.50 / M + 70 out × $10 / M = $0.003 + $0.0007
    expect(run.overall).toMatchObject({ tasks: 4, failedTasks: 1, inputTokens: 1200, outputTokens: 70, inputTokensPerThousandTasks: 300_000, wallTimePerThousandTasksMs: 500_000 });
    expect(run.overall.cost.usd).toBeCloseTo(0.0037, 10);
    expect(run.overall.cost.usdPerThousandTasks).toBeCloseTo(0.925, 10);
  });
});

describe('evaluateRun on HyperText spans', () => {
  const config = '<View><HyperText name="html" value="$html"/><HyperTextLabels name="ner" toName="html"><Label value="Org"/><Label value="City"/></HyperTextLabels></View>';
  const labelConfig = new LabelStudioXmlConfigParser().parse({ xml: config });
  const hypertextTargets = labelConfig.controls.map((control) => withBuiltinTask({ control, objects: labelConfig.objects }));
  const range = (label: string, start: string, startOffset: number, end: string, endOffset: number): LabelStudioResult => ({
    id: `${label}${startOffset}`,
    from_name: 'ner',
    to_name: 'html',
    type: 'hypertextlabels',
    value: { start, end, startOffset, endOffset, hypertextlabels: [label] },
  });
  const first = '/p[1]/text()[1]';
  const second = '/p[2]/text()[1]';

  it('places XPath ranges in the task HTML, so overlaps across text nodes count as partial matches', () => {
    const run = evaluateRun({
      name: 'html',
      projectFile: null,
      provider: 'openai',
      model: 'gpt-4o',
      price: null,
      modelVersion: 'v1',
      targets: hypertextTargets,
      tasks: [
        {
          task: { id: 1, data: { html: '<p>Acme Corp hired Jane.</p><p>In Berlin</p>' } },
          // "Acme Corp", "Berlin"
          groundTruth: [range('Org', first, 0, first, 9), range('City', second, 3, second, 9)],
        },
      ],
      // "Corp" (inside "Acme Corp"), "Jane.</p><p>In Ber" (reaches into "Berlin")
      outcomes: [outcome([range('Org', first, 5, first, 9), range('City', first, 17, second, 6)])],
      wallTimeMs: 1,
    });
    expect(run.controls[0]?.metrics).toEqual({
      kind: 'spans',
      strict: { matched: 0, predicted: 2, gold: 2, precision: 0, recall: 0, f1: 0 },
      partial: { matched: 2, predicted: 2, gold: 2, precision: 1, recall: 1, f1: 1 },
    });
  });
});

describe('a task without a score hook', () => {
  const { score: _score, ...unscoredRatingTask } = ratingTask;
  const unscoredTargets = targets.map((target) => (target.control.type === 'Rating' ? { ...target, task: { ...unscoredRatingTask, name: 'plain-rating.v1' } } : target));

  it('is left out of the controls and named as not scored, the other controls scored as before', () => {
    const run = evaluateRun({
      name: 'a.yaml',
      projectFile: null,
      provider: 'openai',
      model: 'gpt-4o',
      price: null,
      modelVersion: 'v1',
      targets: unscoredTargets,
      tasks: [task(1, [stars(4), topics('A')])],
      outcomes: [outcome([stars(4), topics('B')])],
      wallTimeMs: 1,
    });
    expect(run.controls.map(({ control }) => control)).toEqual(['summary', 'topics']);
    expect(run.tasks[0]?.controls).toEqual({ summary: null, topics: false });
    expect(notScored(unscoredTargets)).toEqual([{ control: 'stars', reason: 'not scored: its task plain-rating.v1 has no score hook' }]);
  });

  it.each(BUILTIN_TASKS.map((builtin) => [builtin.name, builtin] as const))('is never a built-in one: %s scores its control', (_name, builtin) => {
    expect(typeof builtin.score).toBe('function');
  });
});
