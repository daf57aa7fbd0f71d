import { readWebhookExamples } from './read-webhook-examples';

const NOW = 1_750_000_000_000;

const answerRegion = {
  value: { start: 0, end: 15, text: 'Opossums are op', labels: ['Answer'] },
  id: 'WArqkkifYE',
  from_name: 'answer',
  to_name: 'text',
  type: 'labels',
  origin: 'manual',
};

/** Protocol doc §10.7. */
const annotationCreated = {
  action: 'ANNOTATION_CREATED',
  annotation: {
    id: 17,
    result: [answerRegion],
    was_cancelled: false,
    ground_truth: false,
    created_at: '2025-06-10T13:52:48.536303Z',
    updated_at: '2025-06-10T13:52:48.536370Z',
    draft_created_at: null,
    lead_time: 37.13,
    prediction: {},
    result_count: 1,
    unique_id: '2f0c3a8e-…',
    import_id: null,
    last_action: null,
    bulk_created: false,
    task: 19,
    project: 2,
    completed_by: 1,
    updated_by: 1,
    parent_prediction: null,
    parent_annotation: null,
    last_created_by: null,
  },
  project: { id: 2, title: 'New Project #2', label_config: '<View>…</View>', model_version: 'My model' },
  task: { id: 19, data: { ner: 'Opossums are opportunistic' }, meta: {}, project: 2, is_labeled: true },
};

const expectedExample = {
  projectId: '2',
  annotationId: 17,
  taskId: 19,
  data: { ner: 'Opossums are opportunistic' },
  result: [{ from_name: 'answer', to_name: 'text', type: 'labels', value: answerRegion.value }],
  updatedAt: Date.parse('2025-06-10T13:52:48.536370Z'),
};

describe('readWebhookExamples', () => {
  it('reads the §10.7 ANNOTATION_CREATED payload', () => {
    expect(readWebhookExamples(annotationCreated, NOW)).toEqual({ action: 'ANNOTATION_CREATED', projectId: '2', upserts: [expectedExample], deletions: [] });
  });

  it('reads ANNOTATION_UPDATED the same way', () => {
    expect(readWebhookExamples({ ...annotationCreated, action: 'ANNOTATION_UPDATED' }, NOW)?.upserts).toEqual([expectedExample]);
  });

  it.each([
    ['cancelled', { ...annotationCreated.annotation, was_cancelled: true }],
    ['emptied', { ...annotationCreated.annotation, result: [] }],
    ['left with malformed regions only', { ...annotationCreated.annotation, result: [{ from_name: 'answer', value: 'x' }, null] }],
  ])('turns an annotation %s into a deletion', (_case, annotation) => {
    expect(readWebhookExamples({ ...annotationCreated, action: 'ANNOTATION_UPDATED', annotation }, NOW)).toEqual({
      action: 'ANNOTATION_UPDATED',
      projectId: '2',
      upserts: [],
      deletions: [17],
    });
  });

  it('pairs bulk ANNOTATIONS_CREATED annotations with their tasks by task id', () => {
    const body = {
      action: 'ANNOTATIONS_CREATED',
      annotation: [
        { id: 31, task: 42, result: [answerRegion], updated_at: '2025-06-10T14:00:00Z' },
        { id: 30, task: 41, result: [answerRegion] },
        { id: 32, task: 99, result: [answerRegion] },
        { id: 33, task: 41, result: [answerRegion], was_cancelled: true },
        'not an annotation',
      ],
      task: [
        { id: 41, data: { ner: 'forty-one' } },
        { id: 42, data: { ner: 'forty-two' } },
      ],
      project: { id: 2 },
    };
    const read = readWebhookExamples(body, NOW);
    expect(read?.upserts.map((example) => [example.annotationId, example.taskId, example.data.ner, example.updatedAt])).toEqual([
      [31, 42, 'forty-two', Date.parse('2025-06-10T14:00:00Z')],
      [30, 41, 'forty-one', NOW],
    ]);
    expect(read?.deletions).toEqual([33]);
  });

  it('reads ANNOTATIONS_DELETED ids', () => {
    expect(readWebhookExamples({ action: 'ANNOTATIONS_DELETED', annotations: [{ id: 17 }, { id: '18' }, {}, null, 19], project: { id: 2 } })).toEqual({
      action: 'ANNOTATIONS_DELETED',
      projectId: '2',
      upserts: [],
      deletions: [17, '18', 19],
    });
  });

  it.each([
    ['PROJECT_UPDATED', { action: 'PROJECT_UPDATED', project: { id: 2 } }],
    ['START_TRAINING', { action: 'START_TRAINING', project: { id: 2 } }],
    ['TASKS_CREATED', { action: 'TASKS_CREATED', tasks: [], project: { id: 2 } }],
    ['no action', { project: { id: 2 } }],
    ['a non-string action', { action: 7, project: { id: 2 } }],
    ['null', null],
    ['an array', [annotationCreated]],
    ['a string', 'ANNOTATION_CREATED'],
    ['no project anywhere', { action: 'ANNOTATION_CREATED', annotation: { id: 1, result: [answerRegion] }, task: { id: 1, data: {} } }],
    ['a project without an id', { action: 'ANNOTATIONS_DELETED', annotations: [{ id: 1 }], project: { title: 'x' } }],
  ])('returns null for %s', (_case, body) => {
    expect(readWebhookExamples(body, NOW)).toBeNull();
  });

  it.each([
    ['no task', { ...annotationCreated, task: undefined }],
    ['a task without data', { ...annotationCreated, task: { id: 19 } }],
    ['the wrong task', { ...annotationCreated, task: { id: 20, data: { ner: 'x' } } }],
    ['an annotation without an id', { ...annotationCreated, annotation: { ...annotationCreated.annotation, id: null } }],
    ['a string annotation', { ...annotationCreated, annotation: 'x' }],
    ['a list of tasks that is not a list', { ...annotationCreated, action: 'ANNOTATIONS_CREATED', annotation: [annotationCreated.annotation], task: 5 }],
    ['deletions that are not a list', { action: 'ANNOTATIONS_DELETED', annotations: { id: 1 }, project: { id: 2 } }],
  ])('reads nothing, without throwing, from %s', (_case, body) => {
    expect(readWebhookExamples(body, NOW)).toMatchObject({ projectId: '2', upserts: [], deletions: [] });
  });

  it('takes the project id from the annotation when `project` is missing, and from "id.timestamp" strings', () => {
    expect(readWebhookExamples({ ...annotationCreated, project: undefined }, NOW)?.projectId).toBe('2');
    expect(readWebhookExamples({ ...annotationCreated, project: { id: '5.1718035482' } }, NOW)?.projectId).toBe('5');
  });
});
