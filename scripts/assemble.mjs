// Assembles the npm package in pkg/ from the two wasm-pack outputs (target/wasm-pack/nodejs and
// target/wasm-pack/web, whose .wasm files are byte for byte the same, so it ships once) and
// pkg-template/ (entries per runtime, the JS shell, the emulator, types, README).
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'pkg');
const built = (target, file) => join(root, 'target/wasm-pack', target, file);
const template = (file) => join(root, 'pkg-template', file);

const nodeWasm = readFileSync(built('nodejs', 'superfone_crm_bg.wasm'));
const webWasm = readFileSync(built('web', 'superfone_crm_bg.wasm'));
if (!nodeWasm.equals(webWasm)) {
  throw new Error('the nodejs and web builds produced different .wasm files; ship both or fix the build');
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out);
writeFileSync(join(out, 'superfone_crm_bg.wasm'), nodeWasm);
cpSync(built('nodejs', 'superfone_crm.js'), join(out, 'superfone_crm_node.cjs'));
cpSync(built('web', 'superfone_crm.js'), join(out, 'superfone_crm_web.js'));

// One shell source, exported for each module system.
const shell = readFileSync(template('shell.js'), 'utf8');
writeFileSync(join(out, 'shell.js'), `${shell}\nexport { createApi };\n`);
writeFileSync(join(out, 'shell.cjs'), `'use strict';\n${shell}\nmodule.exports = { createApi };\n`);

for (const dir of ['entry', 'emulator']) cpSync(template(dir), join(out, dir), { recursive: true });
for (const file of ['index.d.ts', 'index.d.cts', 'README.md']) {
  if (existsSync(template(file))) cpSync(template(file), join(out, file));
}

const cargo = readFileSync(join(root, 'Cargo.toml'), 'utf8');
const version = /^version\s*=\s*"([^"]+)"/m.exec(cargo)[1];
const manifest = JSON.parse(readFileSync(template('package.json'), 'utf8'));
manifest.version = version;
manifest.files = ['entry/', 'emulator/', 'shell.js', 'shell.cjs', 'superfone_crm_node.cjs', 'superfone_crm_web.js',
  'superfone_crm_bg.wasm', 'index.d.ts', 'index.d.cts', 'README.md'];
writeFileSync(join(out, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`pkg/ assembled: superfone-crm ${version}, wasm ${nodeWasm.length} bytes`);
