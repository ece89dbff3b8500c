// The error an endpoint throws to answer with an API error envelope `{"message": ...}`.

/** An API-level failure: the handler answers `status` with `{"message": message}`. */
export class ApiError extends Error {
  /**
   * @param {number} status HTTP status to answer with.
   * @param {string} message The envelope's `message`, shown to API users verbatim.
   */
  constructor(status, message) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
  }
}

/** @param {string} message @returns {ApiError} a 400 */
export const badRequest = (message) => new ApiError(400, message);

/** @param {string} message @returns {ApiError} a 404 */
export const notFound = (message) => new ApiError(404, message);
