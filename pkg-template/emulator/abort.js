// AbortSignal helpers that behave like fetch: rejections carry the signal's reason, which is an
// AbortError DOMException unless the caller aborted with a reason of their own.

/**
 * What fetch rejects with when `signal` aborts.
 * @param {AbortSignal} signal
 * @returns {unknown}
 */
export function abortReason(signal) {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

/**
 * Resolves after `ms`, or rejects with the abort reason as soon as `signal` aborts.
 * @param {number} ms
 * @param {AbortSignal} [signal]
 * @returns {Promise<void>}
 */
export function sleep(ms, signal) {
  let timer;
  const slept = new Promise((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  // Clearing the timer on abort lets a process exit without waiting out the delay.
  return settleOrAbort(slept, signal).finally(() => clearTimeout(timer));
}

/**
 * `promise`, unless `signal` aborts first: then a rejection with the abort reason.
 * @template T
 * @param {Promise<T>} promise
 * @param {AbortSignal} [signal]
 * @returns {Promise<T>}
 */
export function settleOrAbort(promise, signal) {
  if (!signal) return promise;
  if (signal.aborted) {
    promise.catch(() => {}); // its outcome no longer matters to anyone
    return Promise.reject(abortReason(signal));
  }
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(abortReason(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
