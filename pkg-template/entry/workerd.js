// Cloudflare Workers (workerd) and other worker runtimes that refuse to compile wasm from bytes:
// the .wasm is imported as a WebAssembly.Module and instantiated synchronously.
import { initSync } from '../superfone_crm_web.js';
import * as wasm from '../superfone_crm_web.js';
import module from '../superfone_crm_bg.wasm';
import { createApi } from '../shell.js';

initSync({ module });
const api = createApi(wasm);

export const { SuperfoneClient, SuperfoneError, isValidE164, normalizePhone, validateUpsertLead, validateCreateTask } = api;
export default api;
