import type { ChatCompletionCreateParams } from 'openai/resources/chat/completions';
import type { FakeOpenAIReply } from '../fake-openai-server';
import { userMessageOf } from '../helpers/sentiment-handler';

type Mention = [label: string, text: string];

interface ScriptedAnswer {
  sentiment: string | null;
  entities: Mention[];
}

/** What the primary model (gpt-4o) answers per task of examples/evaluation/export.json; `error` fails the task. */
const PRIMARY_ANSWERS: Record<string, ScriptedAnswer | 'error'> = {
  'I love the new Acme phone': { sentiment: 'Positive', entities: [['Organization', 'Acme'], ['Person', 'Maria Lopez'], ['Location', 'Berlin']] },
  'The service at Globex': { sentiment: 'Negative', entities: [['Organization', 'Globex']] },
  'John Smith moved to Paris': { sentiment: 'Positive', entities: [['Person', 'John Smith'], ['Location', 'Paris']] },
  'Great concert by the Vienna': { sentiment: 'Positive', entities: [['Organization', 'Philharmonic']] },
  'Never again will I fly': 'error',
  'The meeting with Anna Berg': { sentiment: null, entities: [['Person', 'Anna Berg'], ['Person', 'Anna Bergman']] },
};

/** What any other model answers. */
const OTHER_ANSWERS: Record<string, ScriptedAnswer | 'error'> = {
  'I love the new Acme phone': PRIMARY_ANSWERS['I love the new Acme phone'] as ScriptedAnswer,
  'The service at Globex': PRIMARY_ANSWERS['The service at Globex'] as ScriptedAnswer,
  'John Smith moved to Paris': { sentiment: 'Neutral', entities: [['Person', 'John Smith']] },
  'Great concert by the Vienna': { sentiment: 'Neutral', entities: [['Organization', 'Vienna Philharmonic']] },
  'Never again will I fly': { sentiment: 'Negative', entities: [['Organization', 'Skyways'], ['Location', 'Madrid']] },
  'The meeting with Anna Berg': { sentiment: 'Neutral', entities: [['Person', 'Anna Berg']] },
};

export const PRIMARY_USAGE = { prompt_tokens: 1000, completion_tokens: 50 };
export const OTHER_USAGE = { prompt_tokens: 800, completion_tokens: 40 };

/**
 * A scripted model for the shipped evaluation export: gpt-4o and any other model answer each task as written above,
 * with fixed token counts, so every metric of `prelabel eval` is known in advance.
 */
export function answerEvaluationTasks(body: ChatCompletionCreateParams): FakeOpenAIReply {
  const primary = body.model === 'gpt-4o';
  const text = userMessageOf(body);
  const script = primary ? PRIMARY_ANSWERS : OTHER_ANSWERS;
  const key = Object.keys(script).find((start) => text.includes(start));
  const answer = key === undefined ? undefined : script[key];
  if (answer === undefined) return { type: 'error', status: 400, message: `no scripted answer for ${text}` };
  if (answer === 'error') return { type: 'error', status: 400, message: 'scripted failure' };
  const entities = answer.entities.map(([label, mention]) => ({ label, text: mention, context: mention }));
  return {
    type: 'completion',
    content: JSON.stringify({ entities, sentiment: answer.sentiment }),
    usage: primary ? PRIMARY_USAGE : OTHER_USAGE,
  };
}
