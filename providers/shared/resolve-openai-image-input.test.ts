import { resolveOpenAIImageInput } from './resolve-openai-image-input';

describe('resolveOpenAIImageInput', () => {
  it.each<[string, boolean]>([
    ['gpt-4o', true],
    ['gpt-4o-mini', true],
    ['gpt-4.1-nano', true],
    ['gpt-5', true],
    ['o1', true],
    ['o3', true],
    ['gpt-4-turbo', true],
    ['gpt-4', false],
    ['gpt-4-0613', false],
    ['gpt-4-32k-0314', false],
    ['gpt-4-1106-preview', false],
    ['gpt-3.5-turbo', false],
    ['o1-mini', false],
    ['o3-mini', false],
    ['openai/gpt-4o', true],
    ['ft:gpt-3.5-turbo-0125:acme::8abc', false],
  ])('decides from the model id whether %s takes images: %p', (model, expected) => {
    expect(resolveOpenAIImageInput({ model, acceptsImages: undefined })).toBe(expected);
  });

  it.each<[string, boolean]>([
    ['gpt-3.5-turbo', true],
    ['gpt-4o', false],
  ])('follows provider.accepts_images for %s: %p', (model, acceptsImages) => {
    expect(resolveOpenAIImageInput({ model, acceptsImages })).toBe(acceptsImages);
  });
});
