// Types of `superfone-crm` for `import` (ESM). Every declaration lives in `index.d.cts` (what
// `require` sees) and is re-exported here unchanged, so both module systems share one set of
// types; this file adds the ESM entry's default export.

import {
  SuperfoneClient,
  SuperfoneError,
  isValidE164,
  normalizePhone,
  validateUpsertLead,
  validateCreateTask,
} from './index.cjs';

export * from './index.cjs';

/**
 * The whole API as one object (the ESM default export).
 *
 * @example
 * import superfone from 'superfone-crm';
 * const client = new superfone.SuperfoneClient({ apiKey: 'sf_test_key' });
 */
declare const superfoneCrm: {
  readonly SuperfoneClient: typeof SuperfoneClient;
  readonly SuperfoneError: typeof SuperfoneError;
  readonly isValidE164: typeof isValidE164;
  readonly normalizePhone: typeof normalizePhone;
  readonly validateUpsertLead: typeof validateUpsertLead;
  readonly validateCreateTask: typeof validateCreateTask;
};
export default superfoneCrm;
