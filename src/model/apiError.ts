// The API's errors, listed once: every `{ "error": { "code", "message" } }` the server can answer,
// with the status that goes with the code. The server throws them; the browser reads them back.

export const errorStatus = {
  bad_request: 400,
  invalid_story: 400,
  invalid_entry: 400,
  invalid_account: 400,
  /** An invitation used already, expired, or never made. */
  invitation_invalid: 400,
  /** A passkey ceremony that did not verify (wrong challenge, origin, signature). */
  passkey_refused: 400,
  unauthorized: 401,
  publishing_disabled: 403,
  /** Signed in, but the role or key does not allow this. */
  forbidden: 403,
  /** A cookie-authenticated write from another site (docs/decisions/035). */
  cross_site_request: 403,
  not_found: 404,
  story_not_found: 404,
  section_not_found: 404,
  tag_not_found: 404,
  author_not_found: 404,
  entry_not_found: 404,
  account_not_found: 404,
  key_not_found: 404,
  passkey_not_found: 404,
  method_not_allowed: 405,
  request_timeout: 408,
  /** An `Expect` the server does not meet (anything but 100-continue). */
  expectation_failed: 417,
  slug_taken: 409,
  account_exists: 409,
  /** A write names a version of the story (If-Match) that is no longer its own: it changed meanwhile. */
  version_mismatch: 412,
  /** A story names an author or tag by another name than it has (renaming is its own write). */
  name_conflict: 409,
  story_not_live: 409,
  too_many_pinned: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  /** A Range past the end of an upload. */
  range_not_satisfiable: 416,
  too_many_views: 429,
  too_many_requests: 429,
  headers_too_large: 431,
  internal_error: 500,
  format_not_supported: 501,
  store_unreachable: 503,
  busy: 503,
  /** Written by the service worker, never by the server: offline, and not saved. */
  offline: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export const isErrorCode = (code: string): code is ErrorCode => Object.hasOwn(errorStatus, code);

/** An answer other than success, as the API states it. */
export class ApiError extends Error {
  readonly status: number;
  /** One of ErrorCode from this server; whatever came back otherwise ("http_error" without a body). */
  readonly code: string;
  /** What the answer carries beside `error` (a 412's current version, say). */
  current?: unknown;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = "ApiError";
    this.code = code;
    this.status = errorStatus[code];
  }

  /** An error answer as it arrived over HTTP: its own status, whatever its code. */
  static received(status: number, code: string, message: string): ApiError {
    const error = new ApiError("bad_request", message);
    return Object.assign(error, { status, code });
  }
}

export const isNotFound = (error: unknown): boolean => error instanceof ApiError && error.status === 404;
