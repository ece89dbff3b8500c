// Cold-start baseline: a Node process that loads nothing.
process.stdout.write('0');
