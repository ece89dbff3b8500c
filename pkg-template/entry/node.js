// Node.js (and Bun), ESM: the same instance as `require` gets, so one SuperfoneError class
// serves both module systems in one process.
import api from './node.cjs';

export const { SuperfoneClient, SuperfoneError, isValidE164, normalizePhone, validateUpsertLead, validateCreateTask } = api;
export default api;
