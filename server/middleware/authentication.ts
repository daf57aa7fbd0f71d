import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, Middleware } from 'koa';

function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function basicCredentials(authorization: string): { user: string; password: string } | null {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(authorization);
  if (!match) return null;
  const decoded = Buffer.from(match[1] as string, 'base64').toString('utf8');
  const separator = decoded.indexOf(':');
  if (separator < 0) return null;
  return { user: decoded.slice(0, separator), password: decoded.slice(separator + 1) };
}

export interface AuthenticationSettings {
  basicAuthUser?: string;
  basicAuthPassword?: string;
  /** Accepted on `/webhook` in the `X-Prelabel-Webhook-Token` header, since Label Studio's webhooks carry no basic auth. */
  webhookToken?: string;
}

function hasBasicCredentials(context: Context, user: string, password: string): boolean {
  const credentials = basicCredentials(context.get('authorization'));
  return credentials !== null && sameSecret(credentials.user, user) && sameSecret(credentials.password, password);
}

/**
 * Basic auth on every route when BASIC_AUTH_USER and BASIC_AUTH_PASS are both set (as Label Studio's ML backend
 * settings send it). The webhook route also accepts the webhook token (`X-Prelabel-Webhook-Token`), since Label
 * Studio's webhooks carry no basic auth; with a token set it needs one or the other even without basic auth.
 * `isWebhookRoute` asks the webhook's router whether it will answer the request, so authorization follows the route
 * that actually matches however the path is spelled (`/WEBHOOK`, `/webhook/`), and runs before the body is read.
 */
export function createAuthentication(settings: AuthenticationSettings, isWebhookRoute: (context: Context) => boolean): Middleware {
  const { basicAuthUser, basicAuthPassword, webhookToken } = settings;
  const basicAuthOn = Boolean(basicAuthUser && basicAuthPassword);
  return async (context, next) => {
    const isWebhook = isWebhookRoute(context);
    if (isWebhook && webhookToken && sameSecret(context.get('x-prelabel-webhook-token'), webhookToken)) return next();
    const guarded = basicAuthOn || (isWebhook && Boolean(webhookToken));
    if (!guarded) return next();
    if (basicAuthOn && hasBasicCredentials(context, basicAuthUser as string, basicAuthPassword as string)) return next();
    context.status = 401;
    if (basicAuthOn) context.set('WWW-Authenticate', 'Basic realm="prelabel"');
    context.body = { status: 401, code: 'UNAUTHORIZED', detail: 'missing or wrong credentials' };
  };
}
