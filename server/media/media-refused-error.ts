import { ERROR_CODES, markerOf, PrelabelError, type PrelabelErrorOptions } from '../../core/errors';

/**
 * A media URL prelabel will not download: a host that is neither Label Studio nor allow-listed, a scheme other than
 * http(s), a metadata or link-local address. Never retryable; the message names the host, never a credential.
 */
export class MediaRefusedError extends PrelabelError {
  static override readonly marker = markerOf('MediaRefusedError');
  /** The host (with its port when it has one) or the scheme that was refused. */
  readonly host: string;

  constructor(host: string, message: string, options: PrelabelErrorOptions = {}) {
    super(ERROR_CODES.REQUEST_INVALID, message, { ...options, isRetryable: false });
    this.host = host;
  }
}
