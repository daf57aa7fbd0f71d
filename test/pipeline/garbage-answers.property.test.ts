import fc from 'fast-check';
import { LabelStudioXmlConfigParser } from '../../core/label-config/label-config-parser';
import { JsonResponseParser } from '../../core/stages/json-response-parser';
import { LabelStudioResultMapper } from '../../core/stages/label-studio-result-mapper';
import { Registry } from '../../core/registry';
import { selectTargets } from '../../core/pipeline/select-targets';
import { createDefaultProjectSettings } from '../../config/default-project-settings';
import { registerBuiltinTasks } from '../../tasks';
import { findPredictionProblems } from '../helpers/find-prediction-problems';

/** Every control prelabel fills on text, in one config. */
const CONFIG = `<View>
  <Text name="text" value="$text"/>
  <Text name="other" value="$other"/>
  <Choices name="sentiment" toName="text"><Choice value="Positive" alias="POS"/><Choice value="Negative"/><Choice value="Neutral"/></Choices>
  <Choices name="topics" toName="text" choice="multiple"><Choice value="Sports"/><Choice value="Politics"/></Choices>
  <Labels name="ner" toName="text"><Label value="PER"/><Label value="ORG"/></Labels>
  <TextArea name="summary" toName="text"/>
  <TextArea name="keywords" toName="text" maxSubmissions="3"/>
  <Rating name="quality" toName="text" maxRating="5"/>
  <Number name="score" toName="text" min="0" max="10"/>
  <DateTime name="when" toName="text" only="date"/>
  <Taxonomy name="taxonomy" toName="text"><Choice value="Online"><Choice value="Paywall"/><Choice value="Free"/></Choice><Choice value="Print"/></Taxonomy>
  <Pairwise name="pair" toName="text,other"/>
</View>`;

const labelConfig = new LabelStudioXmlConfigParser().parse({ xml: CONFIG });
const registry = new Registry();
registerBuiltinTasks(registry);
const { targets } = selectTargets(labelConfig, registry, createDefaultProjectSettings({}));
const controlNames = targets.map((target) => target.control.name);
const data = { text: 'Barack Obama 😀 visited 東京 and the Café Nervosa (cafe\u0301) with Obama.', other: 'Another text.' };
const parser = new JsonResponseParser();
const mapper = new LabelStudioResultMapper();

/** Values a confused model might put under a control's key: near-labels, wrong types, hostile shapes. */
const plausibleValue = fc.oneof(
  fc.constantFrom('Positive', 'POS', 'positive ', 'Positiv', 'Sports', 'PER', 'Online / Paywall', 'left', 'right', 'middle', '2024-02-30', '2024-01-15', 4, 4.5, 0, 11, -1, 1e308, NaN, null, true, '', '   '),
  fc.array(fc.constantFrom('Sports', 'Politics', 'Sport', 'Online / Paywall', 'Print', 'x', ''), { maxLength: 5 }),
  fc.array(
    fc.record({
      label: fc.constantFrom('PER', 'ORG', 'LOC', 'per', ''),
      text: fc.constantFrom('Obama', 'Barack Obama', '東京', '😀', 'Café', 'cafe\u0301', 'Paris', '', 'obama'),
      context: fc.constantFrom('Barack Obama 😀', 'with Obama.', 'nowhere', ''),
    }),
    { maxLength: 6 },
  ),
  fc.anything(),
);

const answerObject = fc.dictionary(fc.constantFrom(...controlNames, '__proto__', 'constructor', 'extra'), plausibleValue);
const modelText = fc.oneof(
  answerObject.map((object) => JSON.stringify(object)),
  answerObject.map((object) => `Sure! Here it is:\n\`\`\`json\n${JSON.stringify(object, null, 2)}\n\`\`\``),
  fc.string(),
  fc.json(),
);

describe('garbage model output never becomes an invalid prediction', () => {
  it('covers every control the config has', () => {
    expect(controlNames.sort()).toEqual(['keywords', 'ner', 'pair', 'quality', 'score', 'sentiment', 'summary', 'taxonomy', 'topics', 'when'].sort());
  });

  it.each(['json', 'text'] as const)('for any answer text (format %s), every result is valid for the labeling config', (format) => {
    fc.assert(
      fc.property(modelText, (text) => {
        const parsed = parser.parse({ text, targets, format });
        const mapped = mapper.map({ parsed, targets, data });
        const problems = findPredictionProblems({ result: mapped.results, score: null, model_version: 'v' }, labelConfig, data);
        expect(problems).toEqual([]);
      }),
      { numRuns: 400, seed: 20261128 },
    );
  });

  it('keeps what is valid from a well-formed answer', () => {
    const text = JSON.stringify({
      sentiment: 'positive',
      topics: ['Politics'],
      ner: [{ label: 'PER', text: 'Obama', context: 'with Obama.' }],
      summary: 'A visit.',
      keywords: ['visit', 'Tokyo'],
      quality: 4,
      score: 7,
      when: '2024-01-15',
      taxonomy: ['Online / Paywall'],
      pair: 'left',
    });
    const mapped = mapper.map({ parsed: parser.parse({ text, targets, format: 'json' }), targets, data });
    expect(findPredictionProblems({ result: mapped.results, score: null, model_version: 'v' }, labelConfig, data)).toEqual([]);
    expect(mapped.results.map((result) => result.from_name).sort()).toEqual(controlNames.filter((name) => name !== 'ner' || registry.has('task', 'labels.v1')).sort());
  });
});
