// Live validation of a phone field with the SDK's own rules (the same wasm the backend uses): no
// client, no network, no API key in the page. The import is all the initialisation there is.
import { isValidE164, normalizePhone, SuperfoneError } from 'superfone-crm';

const input = document.querySelector('#phone');
const status = document.querySelector('#status');
const submit = document.querySelector('#submit');

function check() {
  const value = input.value.trim();
  if (value === '') {
    status.textContent = '';
    submit.disabled = true;
    return;
  }
  try {
    const e164 = normalizePhone(value, '91'); // national numbers get +91
    status.textContent = isValidE164(value) ? `✓ ${e164}` : `✓ will be sent as ${e164}`;
    status.className = 'ok';
    submit.disabled = false;
  } catch (error) {
    if (!(error instanceof SuperfoneError)) throw error;
    status.textContent = error.message;
    status.className = 'bad';
    submit.disabled = true;
  }
}

input.addEventListener('input', check);
document.querySelector('#form').addEventListener('submit', (event) => {
  event.preventDefault();
  input.value = normalizePhone(input.value, '91'); // what the backend would receive
  status.textContent = `would send ${input.value}`;
});
input.disabled = false;
status.textContent = '';
document.documentElement.dataset.ready = 'true';
