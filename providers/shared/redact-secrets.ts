/**
 * The text with every secret, bearer token and `sk-` key replaced by `[redacted]`, and the value of each header named in
 * `secretHeaders` (e.g. `x-api-key: …` or `"x-api-key":"…"`) too.
 */
export function redactSecrets(text: string, secrets: readonly string[], secretHeaders: readonly string[] = []): string {
  const withoutSecrets = secrets.filter(Boolean).reduce((result, secret) => result.split(secret).join('[redacted]'), text);
  const withoutBearerTokens = withoutSecrets.replace(/Bearer\s+[^\s"',]+/gi, 'Bearer [redacted]');
  const withoutSecretHeaders = secretHeaders.reduce(
    (result, header) => result.replace(new RegExp(`${header}["']?\\s*[:=]\\s*["']?[^\\s"',]+`, 'gi'), `${header}: [redacted]`),
    withoutBearerTokens,
  );
  return withoutSecretHeaders.replace(/\bsk-[A-Za-z0-9_*-]{8,}/g, 'sk-[redacted]');
}
