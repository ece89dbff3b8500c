// Helpers for the runtime matrix and the examples' tests: the package link, child processes, the
// exports-map resolution a bundler would do, workerd through miniflare, and Chromium through
// playwright-core with a small static server.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '../..');
export const pkgDir = path.join(root, 'pkg');
export const bin = (name) => path.join(root, 'node_modules/.bin', name);

/**
 * Makes `<dir>/node_modules/superfone-crm` a symlink to the built pkg/ (node_modules/ is
 * git-ignored, so a fresh clone has no link), so runtimes that resolve through node_modules
 * (Node, Deno, Bun) find the package by name as a user's project does.
 */
export function linkPackage(dir) {
  if (!fs.existsSync(path.join(pkgDir, 'package.json'))) {
    throw new Error(`${pkgDir} is missing: build the package first (bash scripts/build.sh)`);
  }
  const link = path.join(dir, 'node_modules', 'superfone-crm');
  if (fs.existsSync(path.join(link, 'package.json'))) return;
  fs.mkdirSync(path.dirname(link), { recursive: true });
  fs.rmSync(link, { force: true });
  try {
    fs.symlinkSync(path.relative(path.dirname(link), pkgDir), link, 'dir');
  } catch (error) {
    if (error.code !== 'EEXIST') throw error;
  }
}

/** Runs a command to its end (with a time limit); resolves { code, signal, stdout, stderr }. */
export function run(command, args, { cwd = root, env = {}, timeoutMs = 60_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => { stdout += chunk; });
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => { clearTimeout(timer); reject(error); });
    child.on('close', (code, signal) => { clearTimeout(timer); resolve({ code, signal, stdout, stderr }); });
  });
}

/**
 * Resolves `subpath` ('.' or './emulator') of the package's exports map under `conditions`, as
 * bundlers and runtimes do: the first key, in the map's own order, that is 'default' or one of
 * the conditions. Returns the target path relative to the package ('./entry/workerd.js').
 */
export function resolveExport(subpath, conditions) {
  const manifest = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
  const pick = (target) => {
    if (typeof target === 'string') return target;
    if (target === null || typeof target !== 'object') return undefined;
    for (const [key, value] of Object.entries(target)) {
      if (key === 'types') continue;
      if (key === 'default' || conditions.includes(key)) {
        const found = pick(value);
        if (found !== undefined) return found;
      }
    }
    return undefined;
  };
  const found = pick(manifest.exports[subpath]);
  if (!found) throw new Error(`the exports map has no target for ${subpath} under ${conditions.join(', ')}`);
  return found;
}

/** Conditions of Cloudflare's bundler (wrangler) for Workers, plus the module system's. */
export const WORKERD_CONDITIONS = ['workerd', 'worker', 'browser', 'import'];
/** Conditions of a browser bundler / import map. */
export const BROWSER_CONDITIONS = ['browser', 'import'];

const RELATIVE_IMPORT = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*['"]([^'"]+)['"]/g;

/**
 * The `modules` option of miniflare for a module worker at `entry`: the worker and every module it
 * imports, transitively; `superfone-crm…` imports are resolved through the package's exports map
 * with the workerd conditions (what wrangler's bundler does), and .wasm files are imported as
 * compiled modules (`CompiledWasm`), the only way workerd accepts wasm.
 */
export function workerModules(entry) {
  const modules = new Map();
  const visit = (file, contents) => {
    if (modules.has(file)) return;
    if (file.endsWith('.wasm')) {
      modules.set(file, { type: 'CompiledWasm', path: file });
      return;
    }
    const source = contents ?? fs.readFileSync(file, 'utf8');
    modules.set(file, { type: 'ESModule', path: file, ...(contents ? { contents } : {}) });
    for (const match of source.matchAll(RELATIVE_IMPORT)) {
      const specifier = match[1] ?? match[2];
      if (specifier.startsWith('.')) {
        visit(path.resolve(path.dirname(file), specifier));
      } else if (specifier === 'superfone-crm' || specifier.startsWith('superfone-crm/')) {
        // workerd looks a bare specifier up as a module name beside the importer: put a module
        // of that name there that re-exports the resolved file (what a bundler inlines).
        const subpath = `.${specifier.slice('superfone-crm'.length)}`;
        const target = path.join(pkgDir, resolveExport(subpath, WORKERD_CONDITIONS));
        let relative = path.relative(path.dirname(file), target);
        if (!relative.startsWith('.')) relative = `./${relative}`;
        const hasDefault = /export\s+default\b/.test(fs.readFileSync(target, 'utf8'));
        const alias = `export * from '${relative}';\n${hasDefault ? `export { default } from '${relative}';\n` : ''}`;
        visit(path.join(path.dirname(file), specifier), alias);
      } else {
        throw new Error(`${file} imports ${specifier}: only relative and superfone-crm imports are supported`);
      }
    }
  };
  visit(path.resolve(entry));
  return [...modules.values()];
}

/**
 * Runs a module worker in workerd through miniflare and calls `use(miniflare)`; disposes after.
 * `bindings` are the worker's plain-text bindings.
 */
export async function withWorker(entry, bindings, use) {
  const { Miniflare } = await import('miniflare');
  const miniflare = new Miniflare({
    modules: workerModules(entry),
    modulesRoot: root,
    compatibilityDate: '2025-01-01',
    bindings,
  });
  try {
    await miniflare.ready;
    return await use(miniflare);
  } finally {
    await miniflare.dispose();
  }
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.css': 'text/css; charset=utf-8',
};

/**
 * A static file server on 127.0.0.1 for the repository's `roots` (directories relative to the
 * repository, e.g. ['pkg', 'tests/runtimes']), plus generated `pages` ({ '/x.html': html }).
 * Resolves { origin, close }.
 */
export async function startStaticServer(roots, pages = {}) {
  const allowed = roots.map((dir) => path.join(root, dir) + path.sep);
  const server = http.createServer((req, res) => {
    const { pathname } = new URL(req.url, 'http://x');
    if (pages[pathname] !== undefined) {
      res.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-store' });
      res.end(pages[pathname]);
      return;
    }
    const file = path.join(root, decodeURIComponent(pathname));
    if (!allowed.some((dir) => file.startsWith(dir)) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }),
  };
}

/** An import map (JSON) for a page: the package's name resolved with the browser conditions. */
export function browserImportMap(urlOfPkg = '/pkg') {
  const imports = {};
  for (const subpath of ['.', './emulator']) {
    const name = `superfone-crm${subpath.slice(1)}`;
    imports[name] = `${urlOfPkg}/${resolveExport(subpath, BROWSER_CONDITIONS).slice(2)}`;
  }
  return JSON.stringify({ imports });
}

/**
 * Launches Debian's Chromium (never a downloaded browser) headless through playwright-core, with a
 * fresh profile, calls `use(browser)` and closes it after.
 */
export async function withChromium(use) {
  const { chromium } = await import('playwright-core');
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) {
    throw new Error(`${executablePath} is missing: install Debian's chromium (bash scripts/setup.sh chromium)`);
  }
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    return await use(browser);
  } finally {
    await browser.close();
  }
}
