// Deno: the .wasm is read from the package directory and instantiated synchronously.
import { initSync } from '../superfone_crm_web.js';
import * as wasm from '../superfone_crm_web.js';
import { createApi } from '../shell.js';

initSync({ module: Deno.readFileSync(new URL('../superfone_crm_bg.wasm', import.meta.url)) });
const api = createApi(wasm);

export const { SuperfoneClient, SuperfoneError, isValidE164, normalizePhone, validateUpsertLead, validateCreateTask } = api;
export default api;
