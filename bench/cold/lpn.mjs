// Cold start of libphonenumber-js (ESM, default metadata): import it and make one validation call.
const t0 = performance.now();
const { isValidPhoneNumber } = await import('libphonenumber-js');
if (!isValidPhoneNumber('+918000000001')) process.exit(1);
process.stdout.write(String(performance.now() - t0));
