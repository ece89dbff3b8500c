// The API's endpoints: method + path → the store method that answers it.

import { BASE_PATH, matchPath } from './paths.js';
import { CATALOGS } from './store.js';

const API = `${BASE_PATH}/enterprise/api`;

/**
 * @typedef {object} Route
 * @property {string} method
 * @property {string} path full path pattern
 * @property {boolean} body whether the endpoint reads a JSON body
 * @property {(store: import('./store.js').Store, req: { params: Record<string, string>, query: URLSearchParams, body: Record<string, unknown> }) => unknown} run
 */

/** @type {Route[]} */
const ROUTES = [
  { method: 'POST', path: `${API}/lead`, body: true, run: (store, req) => store.upsertLead(req.body) },
  { method: 'GET', path: `${API}/lead`, body: false, run: (store, req) => store.getLead(req.query.get('phone')) },
  {
    method: 'POST',
    path: `${API}/lead/:lead_id/task`,
    body: true,
    run: (store, req) => store.createTask(req.params.lead_id, req.body),
  },
  {
    method: 'GET',
    path: `${API}/lead/:lead_id/task`,
    body: false,
    run: (store, req) => store.listTasks(req.params.lead_id, req.query),
  },
  {
    method: 'POST',
    path: `${API}/lead/:lead_id/task/complete`,
    body: false,
    run: (store, req) => store.completeTask(req.params.lead_id),
  },
  ...Object.keys(CATALOGS).map((name) => ({
    method: 'GET',
    path: `${API}/${name}`,
    body: false,
    run: (store, req) => store.listCatalog(name, req.query),
  })),
];

/**
 * The route for a request: `{ route, params }`, `{ allowed }` when the path exists under other
 * methods only, or null for an unknown path.
 * @param {string} method
 * @param {string} pathname
 * @returns {{ route: Route, params: Record<string, string> } | { allowed: string[] } | null}
 */
export function findRoute(method, pathname) {
  const allowed = [];
  for (const route of ROUTES) {
    const params = matchPath(route.path, pathname);
    if (!params) continue;
    if (route.method === method) return { route, params };
    allowed.push(route.method);
  }
  return allowed.length > 0 ? { allowed } : null;
}
