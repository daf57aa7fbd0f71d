const DATED_API_VERSION = /^(\d{4}-\d{2}-\d{2})(-preview)?$/;

/**
 * Whether an Azure OpenAI api-version (`2024-10-21`, `2024-08-01-preview`) is older than a date (`2024-08-01`).
 * Versions without a date (`preview`, `latest`) count as new.
 */
export function isApiVersionBefore(apiVersion: string, date: string): boolean {
  const versionDate = DATED_API_VERSION.exec(apiVersion.trim())?.[1];
  return versionDate !== undefined && versionDate < date;
}
