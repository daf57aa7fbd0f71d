/**
 * What a Label Studio labeling config says, as the config parser stage returns it
 * (protocol doc §8): object tags that show task data, control tags that collect labels.
 */

/** An object tag: `<Text name="text" value="$text"/>`, `<Image>`, `<HyperText>`, `<Paragraphs>`, ... */
export interface ObjectTag {
  /** The tag name as written, e.g. `Text`. */
  type: string;
  name: string;
  /** The raw `value` (or `valueList`) attribute, e.g. `$text`. */
  value: string;
  /** The `task.data` key the object shows (`value` without `$`), or null for a literal value. */
  dataField: string | null;
  attributes: Record<string, string>;
}

/** A `<Choice>`, `<Label>` or nested `<Choice>` in a `<Taxonomy>`. */
export interface ControlOption {
  value: string;
  alias?: string;
  hint?: string;
  /** What Label Studio stores in a result: `alias` if set, else `value`. */
  resultValue: string;
  attributes: Record<string, string>;
  /** Nested options (Taxonomy). */
  children: ControlOption[];
}

/** A control tag: `<Choices name="sentiment" toName="text">`, `<Labels>`, `<TextArea>`, ... */
export interface ControlTag {
  /** The tag name as written, e.g. `Choices`. */
  type: string;
  name: string;
  toName: string[];
  /** `choice="single|single-radio|multiple"`; `single` when absent. */
  choice: 'single' | 'multiple';
  required: boolean;
  /** Options declared in the config; empty for dynamic options (`value="$options"`). */
  options: ControlOption[];
  /** True when options come from task data (`value="$field"`) or `apiUrl`. */
  dynamicOptions: boolean;
  /** True for `perRegion="true"` controls, which describe regions, not the whole task. */
  perRegion: boolean;
  attributes: Record<string, string>;
}

export interface LabelConfig {
  objects: ObjectTag[];
  controls: ControlTag[];
}

/** A control prelabel will fill, with the objects whose data it reads. */
export interface PredictionTarget {
  control: ControlTag;
  objects: ObjectTag[];
}
