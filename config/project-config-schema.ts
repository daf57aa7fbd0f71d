/**
 * The one source of a project file's shape: this TypeBox schema is the JSON Schema ajv validates files against, its
 * `default`s are the only defaults (config/default-project-settings.ts reads them), and `Static<>` of it is the type
 * of a file that passed validation. `project-config.schema.json` is written from it (`npm run schema`, checked by
 * project-config-schema.test.ts) for editors and readers.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';

/** A string from a list, written as JSON Schema `enum` (ajv's message "must be one of" names the values). */
function StringEnum<const Values extends readonly string[]>(values: Values, options: { description: string; default?: Values[number] }) {
  return Type.Unsafe<Values[number]>({ type: 'string', enum: [...values], ...options });
}

/** A `$ref` to a schema under `definitions`, typed as that schema. */
function Reference<Schema extends TSchema>(_schema: Schema, reference: string, description: string) {
  return Type.Unsafe<Static<Schema>>({ $ref: reference, description });
}

/** A `provider` or one of the `fallbacks`. */
export const ProviderSchema = Type.Object({
  name: Type.Optional(Type.String({ description: "Registered provider name.", minLength: 1, default: "openai" })),
  model: Type.Optional(Type.String({ description: "The model id the provider is asked for.", minLength: 1, default: "gpt-4o" })),
  api_key: Type.Optional(Type.String({ description: "The API key. Only as an environment reference such as ${OPENAI_API_KEY}: a literal key is refused. When absent, the provider reads its usual variable itself.", minLength: 1 })),
  base_url: Type.Optional(Type.String({ description: "The provider's API base URL, e.g. ${OPENAI_BASE_URL:-https://api.openai.com/v1}.", pattern: "^https?://" })),
  temperature: Type.Optional(Type.Number({ description: "Sampling temperature.", minimum: 0, maximum: 2 })),
  max_output_tokens: Type.Optional(Type.Integer({ description: "The most tokens the model may answer with.", minimum: 1 })),
  timeout_ms: Type.Optional(Type.Integer({ description: "Per-call timeout in milliseconds; the ceiling of the adaptive timeout.", minimum: 1000, maximum: 600000, default: 60000 })),
  adaptive_timeout: Type.Optional(Type.Object({
    multiplier: Type.Optional(Type.Number({ description: "The multiple of the recent p95 latency a call may take; 0 turns the adaptive timeout off (only timeout_ms applies).", minimum: 0, maximum: 100, default: 4 })),
    floor_ms: Type.Optional(Type.Integer({ description: "The adaptive timeout is never shorter than this, in milliseconds.", minimum: 10, maximum: 600000, default: 5000 })),
  }, { description: "Cuts a hung call long before timeout_ms: once 20 calls to this provider endpoint and model succeeded in the last 5 minutes, a call may take multiplier times their p95 latency, at least floor_ms, doubled each time the same call was cut, at most timeout_ms. A call cut this way is retried.", additionalProperties: false, default: {} })),
  requests_per_minute: Type.Optional(Type.Integer({ description: "At most this many calls a minute to this provider endpoint and model, shared by every project using it.", minimum: 1 })),
  tokens_per_minute: Type.Optional(Type.Integer({ description: "At most this many tokens (prompt and answer, estimated before a call and corrected after) a minute to this provider endpoint and model.", minimum: 1 })),
  prices: Type.Optional(Type.Object({
    input_per_million: Type.Number({ description: "Dollars per million prompt tokens.", minimum: 0 }),
    output_per_million: Type.Number({ description: "Dollars per million answer tokens.", minimum: 0 }),
  }, { description: "Price in US dollars per million tokens, for the cost figures; overrides the built-in price table.", additionalProperties: false })),
  structured_output: Type.Optional(StringEnum(["auto", "json_schema", "json_object", "none"], { description: "How the model is asked to shape its answer: auto picks what the model supports; json_schema is native structured output; json_object is JSON mode; none is plain text.", default: "auto" })),
  accepts_images: Type.Optional(Type.Boolean({ description: "Whether the model takes images (vision). Default: the provider decides from the model id." })),
  options: Type.Optional(Type.Unsafe<Record<string, unknown>>({ description: 'Provider-specific settings, passed to the provider as they are.', type: 'object', default: {} })),
}, { description: "The LLM provider and how to call it.", additionalProperties: false });

/** One control under `controls`, by its name: `sentiment: { task: choices.v1, instructions: "..." }`. */
export const ControlEntrySchema = Type.Object({
  task: Type.Optional(Type.String({ description: "The registered task that fills this control, versioned (e.g. choices.v1, or a plugin's choices-with-rationale.v1). Default: the built-in task for the control type.", minLength: 1 })),
  instructions: Type.Optional(Type.String({ description: "Extra guidance for this control, added to its part of the prompt.", minLength: 1 })),
}, { description: "One control of the labeling config, by its name.", additionalProperties: false });

/** A project YAML file. */
export const ProjectFileSchema = Type.Object({
  projects: Type.Optional(Type.Array(Type.Integer({ description: "A Label Studio project id.", minimum: 1 }), { description: "Label Studio project ids this file applies to.", minItems: 1, uniqueItems: true })),
  default: Type.Optional(Type.Boolean({ description: "When true, this file applies to every project that has no file of its own. At most one file may be the default.", default: false })),
  plugins: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { description: "Plugins to load before this file is checked: paths relative to this file (./gateway.js) or package names. Each exports one function that receives the registry and registers providers, tasks or stages.", uniqueItems: true })),
  provider: Type.Optional(Reference(ProviderSchema, "#/definitions/provider", "The LLM provider and how to call it.")),
  fallbacks: Type.Optional(Type.Array(Reference(ProviderSchema, "#/definitions/provider", "A fallback provider."), { description: "Providers asked in order when the provider is down (a retryable failure after its retries, or its circuit is open). Each has the same keys as `provider`.", maxItems: 5 })),
  prompt: Type.Optional(Type.Object({
    template: Type.Optional(Type.String({ description: "An inline prompt template with {field} and {labels} placeholders.", minLength: 1 })),
    template_file: Type.Optional(Type.String({ description: "A prompt template file, relative to this YAML file.", minLength: 1 })),
    instructions: Type.Optional(Type.String({ description: "Extra guidance added to the system message." })),
    extra_fields: Type.Optional(Type.Array(Type.String({ description: "A task.data field name.", minLength: 1 }), { description: "task.data fields the template uses besides those the labeling config shows.", uniqueItems: true, default: [] })),
  }, { description: "The prompt. Without a template the built-in prompt is used. Give template or template_file, not both.", additionalProperties: false, default: {}, not: {"description": "Both template and template_file.", "properties": {"template": {"description": "Present."}, "template_file": {"description": "Present."}}, "required": ["template", "template_file"]} })),
  retry: Type.Optional(Type.Object({
    max_retries: Type.Optional(Type.Integer({ description: "Retries after the first attempt.", minimum: 0, maximum: 10, default: 3 })),
    initial_delay_ms: Type.Optional(Type.Integer({ description: "The delay before the first retry, in milliseconds; at most max_delay_ms.", minimum: 0, maximum: 600000, default: 500 })),
    max_delay_ms: Type.Optional(Type.Integer({ description: "The longest delay between retries, in milliseconds.", minimum: 0, maximum: 600000, default: 20000 })),
  }, { description: "Retries of failed provider calls, with exponential backoff.", additionalProperties: false, default: {} })),
  repair: Type.Optional(Type.Object({
    max_attempts: Type.Optional(Type.Integer({ description: "Repair calls per model answer; 0 turns repairs off.", minimum: 0, maximum: 5, default: 1 })),
  }, { description: "Repair calls: an answer that is not JSON, is cut off (finish reason length), breaks the answer schema or names a label the config lacks is sent back to the model with the validation errors before its controls abstain.", additionalProperties: false, default: {} })),
  concurrency: Type.Optional(Type.Integer({ description: "How many tasks of one request run at once.", minimum: 1, maximum: 256, default: 8 })),
  controls: Type.Optional(Type.Object({
    include: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { description: "Names of the controls to fill; the others get no result. Default: every control prelabel can fill.", uniqueItems: true, minItems: 1 })),
    instructions: Type.Optional(Type.Unsafe<Record<string, string>>({
      description: 'Extra guidance by control name (the same as `<control name>.instructions`).',
      type: 'object',
      additionalProperties: { description: 'The guidance for the control of this name.', type: 'string', minLength: 1 },
    })),
  }, { description: "Which controls of the labeling config prelabel fills, and per control (by control name) its task and guidance: `sentiment: { task: choices.v1, instructions: \"...\" }`.", additionalProperties: ControlEntrySchema })),
  chunking: Type.Optional(Type.Object({
    max_characters: Type.Optional(Type.Integer({ description: "Texts longer than this (in Unicode code points) are split into chunks of at most this size.", minimum: 200, maximum: 1000000, default: 12000 })),
    overlap_characters: Type.Optional(Type.Integer({ description: "How much consecutive chunks overlap, so that no mention straddling a cut is lost.", minimum: 0, maximum: 100000, default: 400 })),
  }, { description: "How long texts are split for span controls (named entities): each chunk is one LLM call, the spans are merged.", additionalProperties: false, default: {} })),
  interactive: Type.Optional(Type.Object({
    prompt_prefix: Type.Optional(Type.String({ description: "A <TextArea> whose name starts with this carries the annotator's instruction; it is never filled by the model.", minLength: 1, default: "prompt" })),
  }, { description: "Label Studio's interactive pre-annotation (Auto-Annotation in the editor).", additionalProperties: false, default: {} })),
  media: Type.Optional(Type.Object({
    allowed_hosts: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { description: "Hosts besides Label Studio's that images may be downloaded from: cdn.example.com, *.example.com or host:port. Any other host is refused.", uniqueItems: true })),
    pass_public_urls: Type.Optional(Type.Boolean({ description: "Pass public https image URLs to the provider to fetch itself instead of downloading them.", default: false })),
    max_bytes: Type.Optional(Type.Integer({ description: "Largest image downloaded, in bytes.", minimum: 1024, maximum: 104857600, default: 10485760 })),
    timeout_ms: Type.Optional(Type.Integer({ description: "Longest a download may take.", minimum: 100, maximum: 120000, default: 10000 })),
  }, { description: "Images for vision models (<Image> objects): prelabel downloads them from Label Studio (LABEL_STUDIO_URL, LABEL_STUDIO_API_KEY) and the hosts listed here, and sends them inline.", additionalProperties: false, default: {} })),
  confidence: Type.Optional(Type.Object({
    method: Type.Optional(StringEnum(["auto", "none", "logprobs", "self-consistency"], { description: "auto: from token log-probabilities where the model returns them (OpenAI), else none; logprobs: require them; self-consistency: the agreement of `samples` answers (costs that many calls); none: score null.", default: "auto" })),
    samples: Type.Optional(Type.Integer({ description: "Answers asked for with self-consistency.", minimum: 2, maximum: 20, default: 5 })),
  }, { description: "How each prediction's score (a confidence in [0, 1]) is computed. A score is never made up: without a method it is null.", additionalProperties: false, default: {} })),
  examples: Type.Optional(Type.Object({
    count: Type.Optional(Type.Integer({ description: "How many examples a prompt shows; 0 (the default) shows none.", minimum: 0, maximum: 50, default: 0 })),
    strategy: Type.Optional(StringEnum(["recent", "balanced", "similar"], { description: "recent: the newest annotations; balanced: every label represented; similar: the annotations lexically closest to the task (BM25).", default: "balanced" })),
    max_characters: Type.Optional(Type.Integer({ description: "The most example text a prompt carries.", minimum: 100, maximum: 200000, default: 6000 })),
  }, { description: "Few-shot examples from the project's reviewed annotations (received on /webhook, or read from Label Studio on Start Training).", additionalProperties: false, default: {} })),
  stages: Type.Optional(Type.Object({
    config_parser: Type.Optional(Type.String({ description: "Parses the Label Studio labeling config.", minLength: 1, default: "label-studio-xml.v1" })),
    prompt_renderer: Type.Optional(Type.String({ description: "Renders the prompt of each task.", minLength: 1, default: "template.v1" })),
    response_parser: Type.Optional(Type.String({ description: "Parses the model's answer.", minLength: 1, default: "json.v1" })),
    result_mapper: Type.Optional(Type.String({ description: "Turns answers into Label Studio results.", minLength: 1, default: "label-studio.v1" })),
  }, { description: "Registered names of the stage implementations.", additionalProperties: false, default: {} })),
}, { title: "prelabel project file", description: "The pre-labeling pipeline of one or more Label Studio projects. Strings may hold ${VAR} or ${VAR:-default} environment references ($${ is a literal ${). A file needs `projects` or `default: true`.", additionalProperties: false, anyOf: [{"description": "Applies to the listed projects.", "properties": {"projects": {"description": "Present.", "type": "array"}}, "required": ["projects"]}, {"description": "Applies to every project without a file of its own.", "properties": {"default": {"description": "True.", "const": true}}, "required": ["default"]}] });

/** The shape of a `provider` (or fallback) that passed the schema. */
export type ProviderFileData = Static<typeof ProviderSchema>;

/** The shape of one control's entry under `controls`. */
export type ControlFileData = Static<typeof ControlEntrySchema>;

/** The shape of a file that passed the schema: under `controls`, every key but `include` and `instructions` is a control name. */
export type ProjectFileData = Omit<Static<typeof ProjectFileSchema>, 'controls'> & {
  controls?: NonNullable<Static<typeof ProjectFileSchema>['controls']> & { [control: string]: ControlFileData | string[] | Record<string, string> | undefined };
};

/** The JSON Schema document of a project file (draft-07), as project-config.schema.json holds it. */
export const PROJECT_CONFIG_SCHEMA: Readonly<Record<string, unknown>> = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  ...ProjectFileSchema,
  definitions: { provider: ProviderSchema },
};
