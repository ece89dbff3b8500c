// The emulator's contract (API.md, rule for rule), registered against one transport.

import { describe } from 'node:test';
import { catalogCases } from './catalogs.mjs';
import { faultCases } from './faults.mjs';
import { useTarget } from './harness.mjs';
import { leadCases } from './leads.mjs';
import { taskCases } from './tasks.mjs';
import { transportCases } from './transport.mjs';

/**
 * Runs every contract case against the target `start` creates.
 * @param {string} name
 * @param {Parameters<typeof useTarget>[0]} start
 */
export function runContract(name, start) {
  describe(name, () => {
    const ctx = useTarget(start);
    transportCases(ctx);
    leadCases(ctx);
    taskCases(ctx);
    catalogCases(ctx);
    faultCases(ctx);
  });
}
