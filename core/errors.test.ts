import {
  LabelConfigError,
  markerOf,
  PrelabelError,
  ProviderAccessError,
  ProviderCallError,
  RetryExhaustedError,
} from './errors';

class PluginCallError extends ProviderCallError {
  static override readonly marker = markerOf('PluginCallError');
}

describe('isInstance', () => {
  const callError = new ProviderCallError('HTTP 503', { provider: 'openai', statusCode: 503 });
  const exhausted = new RetryExhaustedError([callError]);

  it('is true for the class itself and for PrelabelError', () => {
    expect(RetryExhaustedError.isInstance(exhausted)).toBe(true);
    expect(PrelabelError.isInstance(exhausted)).toBe(true);
    expect(ProviderCallError.isInstance(callError)).toBe(true);
  });

  it('is false for a sibling class', () => {
    expect(RetryExhaustedError.isInstance(callError)).toBe(false);
    expect(ProviderCallError.isInstance(exhausted)).toBe(false);
    expect(LabelConfigError.isInstance(callError)).toBe(false);
    const access = new ProviderAccessError('PROVIDER_KEY_MISSING', 'no key', { provider: 'openai' });
    expect(ProviderCallError.isInstance(access)).toBe(false);
    expect(ProviderAccessError.isInstance(access)).toBe(true);
  });

  it('is false for a plain PrelabelError and for other values', () => {
    const plain = new PrelabelError('ABORTED', 'stopped');
    expect(PrelabelError.isInstance(plain)).toBe(true);
    expect(RetryExhaustedError.isInstance(plain)).toBe(false);
    expect(PrelabelError.isInstance(new Error('x'))).toBe(false);
    expect(PrelabelError.isInstance(null)).toBe(false);
    expect(PrelabelError.isInstance('RETRY_EXHAUSTED')).toBe(false);
    expect(RetryExhaustedError.isInstance({ code: 'RETRY_EXHAUSTED' })).toBe(false);
  });

  it('is true for a subclass declared elsewhere, and the subclass check is its own', () => {
    const pluginError = new PluginCallError('HTTP 500', { provider: 'plugin' });
    expect(ProviderCallError.isInstance(pluginError)).toBe(true);
    expect(PrelabelError.isInstance(pluginError)).toBe(true);
    expect(PluginCallError.isInstance(pluginError)).toBe(true);
    expect(PluginCallError.isInstance(callError)).toBe(false);
  });

  it('agrees across copies of the module (markers are global symbols, not identities)', () => {
    const copied = { [Symbol.for('prelabel.error')]: true, [markerOf('RetryExhaustedError')]: true };
    expect(RetryExhaustedError.isInstance(copied)).toBe(true);
    expect(ProviderCallError.isInstance(copied)).toBe(false);
  });

  it('keeps the marker out of enumerable keys', () => {
    const markers = Object.getOwnPropertySymbols(exhausted);
    expect(markers).toEqual(expect.arrayContaining([markerOf('RetryExhaustedError'), Symbol.for('prelabel.error')]));
    expect(markers.filter((symbol) => Object.prototype.propertyIsEnumerable.call(exhausted, symbol))).toEqual([]);
  });
});
