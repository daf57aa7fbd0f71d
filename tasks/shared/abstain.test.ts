import { abstain } from './abstain';

describe('abstain', () => {
  test.each<[string]>([['no answer'], ['']])('%j', (reason) => {
    expect(abstain(reason)).toEqual({ status: 'abstained', reason });
  });
});
