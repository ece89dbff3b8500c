// Shared helpers for the reliability tests (`node --test tests/reliability/`): fault matrix, soak,
// memory, hostile input and security. They import the package by name, like tests/js/: loading
// this module makes `tests/reliability/node_modules/superfone-crm` a symlink to the built `pkg/`
// (and tests/js/helpers.mjs, re-exported here, does the same for tests/js/). Test files import
// this module first and the package with `await import('superfone-crm')` after it.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export { rejectsWith, throwsWith, within, timed, hoursFromNow, collect, TEST_KEY } from '../js/helpers.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const pkgDir = path.resolve(here, '../../pkg');

function ensurePackageLink() {
  const link = path.join(here, 'node_modules', 'superfone-crm');
  if (fs.existsSync(path.join(link, 'package.json'))) return;
  fs.mkdirSync(path.dirname(link), { recursive: true });
  try {
    fs.rmSync(link, { force: true });
    fs.symlinkSync('../../../pkg', link, 'dir');
  } catch (error) {
    if (error.code !== 'EEXIST') throw error;
  }
}

if (!fs.existsSync(path.join(pkgDir, 'package.json'))) {
  throw new Error(`${pkgDir} is missing: build the package first (bash scripts/build.sh)`);
}
ensurePackageLink();

/** Runs `worker(item)` over `items` with at most `limit` in flight; resolves to the results in order. */
export async function pool(items, limit, worker) {
  const results = new Array(items.length);
  let next = 0;
  async function lane() {
    while (next < items.length) {
      const i = next++;
      results[i] = await worker(items[i], i);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

/** `n` distinct valid Indian mobile numbers in E.164, none of them in the emulator's seed. */
export function phones(n, prefix = '+9197') {
  return Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(8, '0')}`);
}
