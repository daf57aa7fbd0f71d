/** The registry name of the Anthropic provider. */
export const ANTHROPIC_PROVIDER = 'anthropic';
