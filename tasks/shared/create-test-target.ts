import type { ControlOption, ControlTag, ObjectTag, PredictionTarget } from '../../core/spec/label-config';

/** What a test says about a control: its type and name, and whatever differs from a plain whole-task control on `text`. */
export type TestControlDetails = Partial<ControlTag> & Pick<ControlTag, 'type' | 'name'>;

/** An option as the config parser makes it: its result value is its alias, else its value. */
export function createTestOption(value: string, details: Partial<ControlOption> = {}): ControlOption {
  return { value, resultValue: details.alias ?? value, attributes: {}, children: [], ...details };
}

export function createTestOptions(values: string[]): ControlOption[] {
  return values.map((value) => createTestOption(value));
}

/** A `<Text>` object showing the task data field of its name (`text` unless given). */
export function createTestObject(details: Partial<ObjectTag> = {}): ObjectTag {
  const name = details.name ?? 'text';
  return { type: 'Text', name, value: `$${name}`, dataField: name, attributes: {}, ...details };
}

/** A single-choice, optional, whole-task control on `text`, without options or attributes unless given. */
export function createTestControl(details: TestControlDetails): ControlTag {
  return {
    toName: ['text'],
    choice: 'single',
    required: false,
    options: [],
    dynamicOptions: false,
    perRegion: false,
    attributes: {},
    ...details,
  };
}

/** A control and the objects it labels: one `<Text>` named `text` unless given. */
export function createTestTarget(control: TestControlDetails, objects: ObjectTag[] = [createTestObject()]): PredictionTarget {
  return { control: createTestControl(control), objects };
}
