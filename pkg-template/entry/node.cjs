'use strict';
// Node.js (and Bun), CommonJS: the wasm-bindgen glue reads the .wasm from disk synchronously.
const { createApi } = require('../shell.cjs');
module.exports = createApi(require('../superfone_crm_node.cjs'), { shareTimeouts: true });
