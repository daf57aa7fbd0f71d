import type { ResultDraft } from '../../core/spec/control-task';
import type { ControlTag } from '../../core/spec/label-config';
import { createTestControl, createTestOption } from '../shared/create-test-target';
import { validateTaxonomyResult } from './validate-taxonomy-result';

function createControl(attributes: Record<string, string> = {}): ControlTag {
  const options = [
    createTestOption('Online', {
      children: [createTestOption('UGC'), createTestOption('Paywall', { children: [createTestOption('NY Times', { alias: 'NYT' })] })],
    }),
    createTestOption('Offline'),
  ];
  return createTestControl({ type: 'Taxonomy', name: 'media', options, attributes });
}

function createDraft(value: Record<string, unknown>, type = 'taxonomy'): ResultDraft {
  return { from_name: 'media', to_name: 'text', type, value };
}

const anyNode = createControl();
const leaves = createControl({ leafsOnly: 'true' });

describe('validateTaxonomyResult', () => {
  test.each<[string, ControlTag, ResultDraft]>([
    ['a root', anyNode, createDraft({ taxonomy: [['Online']] })],
    ['a nested path with an alias', anyNode, createDraft({ taxonomy: [['Online', 'Paywall', 'NYT']] })],
    ['several paths', anyNode, createDraft({ taxonomy: [['Online', 'UGC'], ['Offline']] })],
    ['a leaf when only leaves count', leaves, createDraft({ taxonomy: [['Online', 'UGC']] })],
    ['maxUsages paths', createControl({ maxUsages: '2' }), createDraft({ taxonomy: [['Online'], ['Offline']] })],
  ])('accepts %s', (_case, control, draft) => {
    expect(validateTaxonomyResult(draft, control)).toBeNull();
  });

  test.each<[string, ControlTag, ResultDraft, RegExp]>([
    ['another type', anyNode, createDraft({ taxonomy: [['Online']] }, 'choices'), /type is "choices", expected "taxonomy"/],
    ['no taxonomy key', anyNode, createDraft({ choices: [['Online']] }), /non-empty list of paths/],
    ['an empty list', anyNode, createDraft({ taxonomy: [] }), /non-empty list of paths/],
    ['a flat list of labels', anyNode, createDraft({ taxonomy: ['Online'] }), /a path is a string, not a non-empty list of labels/],
    ['an empty path', anyNode, createDraft({ taxonomy: [[]] }), /a path is a list, not a non-empty list of labels/],
    ['a number level', anyNode, createDraft({ taxonomy: [['Online', 1]] }), /a path level is a number, not a label/],
    ['a nested level', anyNode, createDraft({ taxonomy: [[['Online']]] }), /a path level is a list/],
    ['a null path', anyNode, createDraft({ taxonomy: [null] }), /a path is null/],
    ['a path not in the taxonomy', anyNode, createDraft({ taxonomy: [['Online', 'Blogs']] }), /"Online \/ Blogs" is not a path of the taxonomy/],
    ['a label without its parents', anyNode, createDraft({ taxonomy: [['UGC']] }), /"UGC" is not a path of the taxonomy/],
    ['the value of an aliased node', anyNode, createDraft({ taxonomy: [['Online', 'Paywall', 'NY Times']] }), /is not a path of the taxonomy/],
    ['a joined path as one level', anyNode, createDraft({ taxonomy: [['Online / UGC']] }), /is not a path of the taxonomy/],
    ['a prototype key', anyNode, createDraft({ taxonomy: [['__proto__']] }), /"__proto__" is not a path/],
    ['a parent when only leaves count', leaves, createDraft({ taxonomy: [['Online']] }), /"Online" is not a leaf, and leafsOnly allows only leaves/],
    ['a repeated path', anyNode, createDraft({ taxonomy: [['Offline'], ['Offline']] }), /repeats a path/],
    ['more paths than maxUsages', createControl({ maxUsages: '1' }), createDraft({ taxonomy: [['Online'], ['Offline']] }), /2 paths, more than maxUsages \(1\)/],
    ['an unusable maxUsages', createControl({ maxUsages: '0' }), createDraft({ taxonomy: [['Online']] }), /unusable maxUsages/],
  ])('rejects %s', (_case, control, draft, reason) => {
    expect(validateTaxonomyResult(draft, control)).toMatch(reason);
  });
});
