/**
 * The container's health check: `GET /health` on this machine's PORT (default 9090), with basic auth when
 * BASIC_AUTH_USER and BASIC_AUTH_PASS are set. Exits 0 when it answers 200, else 1 with one line saying why. Run by
 * node itself (`node dist/server/check-health.js`), so the image needs no curl.
 */
export async function checkHealth(environment: NodeJS.ProcessEnv = process.env, timeoutMs = 3000): Promise<{ healthy: boolean; detail: string }> {
  const port = environment.PORT?.trim() || '9090';
  const headers: Record<string, string> = {};
  if (environment.BASIC_AUTH_USER && environment.BASIC_AUTH_PASS) {
    headers.authorization = `Basic ${Buffer.from(`${environment.BASIC_AUTH_USER}:${environment.BASIC_AUTH_PASS}`).toString('base64')}`;
  }
  try {
    const response = await fetch(`http://127.0.0.1:${port}/health`, { headers, signal: AbortSignal.timeout(timeoutMs) });
    const body = await response.text();
    return { healthy: response.status === 200, detail: `GET /health: ${response.status} ${body.slice(0, 200)}` };
  } catch (error) {
    return { healthy: false, detail: `GET /health on port ${port}: ${(error as Error).message}` };
  }
}

if (require.main === module) {
  void checkHealth().then(({ healthy, detail }) => {
    process.stdout.write(`${detail}\n`);
    process.exit(healthy ? 0 : 1);
  });
}
