'use strict';
/**
 * An example prelabel plugin: a task for <Choices> that asks the model for its label plus a short rationale, and
 * shows the rationale with the prediction in the Label Studio editor (the result's `meta.text`).
 *
 * Use it from a project YAML file, for one control:
 *   plugins: [../examples/plugins/choices-with-rationale]
 *   controls:
 *     sentiment:
 *       task: choices-with-rationale.v1
 *
 * A task is declarative and pure: prompt instructions, the JSON schema of the control's answer, a parser, a mapper
 * and a validator. This one reuses the built-in `choices.v1` for the label and adds the rationale around it, so the
 * result Label Studio receives is the normal `choices` result. Its name is versioned: a changed prompt or schema is
 * a new name (`choices-with-rationale.v2`), so existing projects do not drift, and `model_version` follows it.
 */

const TASK_NAME = 'choices-with-rationale.v1';
/** A rationale longer than this is cut: it is a note beside the label, not an essay. */
const MAX_RATIONALE_CHARACTERS = 500;

function isRecord(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function createChoicesWithRationaleTask(choices) {
  return {
    name: TASK_NAME,
    controlType: 'Choices',
    objectTypes: choices.objectTypes,
    supports: (target) => choices.supports(target),
    instructions: (target) =>
      [
        choices.instructions(target),
        `Answer "${target.control.name}" as an object: "label" holds the answer described above, and "rationale" one short sentence saying why.`,
      ].join('\n'),
    schema: (target) => ({
      type: 'object',
      properties: {
        label: choices.schema(target),
        rationale: { type: 'string', description: 'One short sentence: why this label.' },
      },
      required: ['label', 'rationale'],
      additionalProperties: false,
    }),
    parse: (raw, target) => {
      if (!isRecord(raw) || !Object.prototype.hasOwnProperty.call(raw, 'label')) {
        return { status: 'abstained', reason: 'the answer is not an object with a label' };
      }
      const label = choices.parse(raw.label, target);
      if (label.status !== 'answered') return label;
      const rationale = typeof raw.rationale === 'string' ? raw.rationale.trim().slice(0, MAX_RATIONALE_CHARACTERS) : '';
      return { status: 'answered', value: { label: label.value, rationale } };
    },
    map: (value, target, data) =>
      choices.map(value.label, target, data).map((draft) => (value.rationale ? { ...draft, meta: { text: [value.rationale] } } : draft)),
    validate: (result, target, data) => choices.validate(result, target, data),
    // `prelabel eval` scores it as the Choices it produces.
    score: choices.score,
  };
}

/** The plugin: registers the task under its versioned name, built on the registered `choices.v1`. */
module.exports = function registerChoicesWithRationale(registry) {
  registry.register('task', TASK_NAME, createChoicesWithRationaleTask(registry.get('task', 'choices.v1')));
};
