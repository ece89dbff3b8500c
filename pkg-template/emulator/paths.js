// Path patterns shared by the router and fault matching: `/enterprise/api/lead/:lead_id/task`,
// where `:name` captures one segment and `*` matches any one segment.

/** Where the API lives on the emulator, as on prod-api.superfone.co.in. */
export const BASE_PATH = '/superfone';

/**
 * Matches `pathname` against `pattern` (a trailing slash on the path is ignored).
 * @param {string} pattern e.g. `/superfone/enterprise/api/lead/:lead_id/task`
 * @param {string} pathname
 * @returns {Record<string, string> | null} the captured segments, or null when it does not match
 */
export function matchPath(pattern, pathname) {
  const want = segments(pattern);
  const got = segments(pathname);
  if (want.length !== got.length) return null;
  const params = {};
  for (const [i, part] of want.entries()) {
    if (part.startsWith(':')) params[part.slice(1)] = safeDecode(got[i]);
    else if (part !== '*' && part !== got[i]) return null;
  }
  return params;
}

/**
 * A pattern written relative to the base URL (`/enterprise/api/lead`, as API.md writes paths)
 * or in full (`/superfone/enterprise/api/lead`), in full.
 * @param {string} pattern
 */
export function fullPattern(pattern) {
  return pattern === BASE_PATH || pattern.startsWith(`${BASE_PATH}/`) ? pattern : `${BASE_PATH}${pattern}`;
}

function segments(path) {
  return path.split('/').filter((part, i, all) => i === 0 || part !== '' || i < all.length - 1);
}

function safeDecode(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
