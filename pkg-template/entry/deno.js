// Deno (2.1.2 or later): the .wasm is imported as a Wasm module, part of the module graph like the
// JS, so importing needs no --allow-read. Deno instantiates it with the host functions of
// ../superfone_crm_bg.js (the web glue's, see scripts/assemble.mjs); the glue is then bound to
// that instance's exports, which is what initSync would do with an instance of its own.
import * as wasm from '../superfone_crm_web.js';
import { __wbg_finalize_init } from '../superfone_crm_web.js';
import * as instanceExports from '../superfone_crm_bg.wasm';
import { createApi } from '../shell.js';

// Deno 2.1.0 and 2.1.1 exported only the functions of a Wasm module, not its memory and table.
if (!(instanceExports.memory instanceof WebAssembly.Memory)) {
  throw new Error(`superfone-crm needs Deno 2.1.2 or later (this is Deno ${Deno.version.deno})`);
}
__wbg_finalize_init({ exports: instanceExports });
const api = createApi(wasm, { shareTimeouts: true });

export const { SuperfoneClient, SuperfoneError, isValidE164, normalizePhone, validateUpsertLead, validateCreateTask } = api;
export default api;
