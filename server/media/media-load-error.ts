import { ERROR_CODES, markerOf, PrelabelError, type PrelabelErrorOptions } from '../../core/errors';

export type MediaLoadFailure =
  /** LABEL_STUDIO_URL is missing or not an http(s) URL. */
  | 'not-configured'
  /** Label Studio rejected the API key, or sent us to its login page. */
  | 'authentication'
  | 'http-status'
  | 'too-many-redirects'
  | 'too-large'
  | 'not-an-image'
  | 'timeout'
  | 'network';

/** A task's image that could not be loaded. Only the host and path of the URL appear in the message. */
export class MediaLoadError extends PrelabelError {
  static override readonly marker = markerOf('MediaLoadError');
  readonly failure: MediaLoadFailure;
  readonly statusCode?: number;

  constructor(failure: MediaLoadFailure, message: string, options: PrelabelErrorOptions & { statusCode?: number } = {}) {
    super(ERROR_CODES.TASK_DATA_INVALID, message, options);
    this.failure = failure;
    this.statusCode = options.statusCode;
  }
}
