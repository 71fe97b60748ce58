// The API key of a server that requires one for reads (serve --api-key-file): asked for in the page when the server
// answers 401, kept in sessionStorage (this tab only, gone when it closes), and sent as X-Api-Key with every call.

const STORAGE_KEY = 'transcript-search.api-key';

/** The headers that carry the key, when one was entered in this tab. */
export function keyHeaders() {
  const key = sessionStorage.getItem(STORAGE_KEY);
  return key ? { 'X-Api-Key': key } : {};
}

/** Shows the key form (once) with the server's explanation; entering a key reloads the page with it. */
export function askForKey(detail) {
  if (document.getElementById('api-key-form')) {
    return;
  }
  const form = document.createElement('form');
  form.id = 'api-key-form';
  form.className = 'api-key';
  const label = document.createElement('label');
  label.htmlFor = 'api-key';
  label.textContent = 'This server needs an API key to search.';
  const reason = document.createElement('p');
  reason.className = 'hint';
  reason.textContent = `${detail} The key is kept for this tab only and sent with each search.`;
  const input = document.createElement('input');
  input.id = 'api-key';
  input.type = 'password';
  input.autocomplete = 'off';
  input.required = true;
  const button = document.createElement('button');
  button.type = 'submit';
  button.className = 'primary';
  button.textContent = 'Use this key';
  form.append(label, input, button, reason);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (input.value.trim()) {
      sessionStorage.setItem(STORAGE_KEY, input.value.trim());
      location.reload();
    }
  });
  document.querySelector('main').prepend(form);
  input.focus();
}
