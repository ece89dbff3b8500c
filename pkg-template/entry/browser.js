// Browsers and bundlers: streaming instantiation from the .wasm next to this module; top-level
// await, so importing is all the initialisation there is.
import init, * as wasm from '../superfone_crm_web.js';
import { createApi } from '../shell.js';

await init({ module_or_path: new URL('../superfone_crm_bg.wasm', import.meta.url) });
const api = createApi(wasm);

export const { SuperfoneClient, SuperfoneError, isValidE164, normalizePhone, validateUpsertLead, validateCreateTask } = api;
export default api;
