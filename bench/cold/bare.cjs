'use strict';
// Cold-start baseline for CommonJS: a Node process that loads nothing.
process.stdout.write('0');
