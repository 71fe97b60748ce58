// Alerts in the page: save the current search as an alert (with the admin token, entered once and kept for this
// tab only, in sessionStorage), and see every alert with its latest matches and its Atom feed. Self-contained:
// the page's other modules know nothing of it; it reads the current search from the address.
import { el, passage, airDate, speakerLabel, safeLink } from './dom.js';
import { readState, hasSearch, DIMENSIONS } from './state.js';

const TOKEN_KEY = 'transcript-search.admin-token';

const panel = document.getElementById('alerts-panel');
const list = document.getElementById('alerts-list');
const status = document.getElementById('alerts-status');
const saveButton = document.getElementById('save-alert');
const saveForm = document.getElementById('save-alert-form');
const nameInput = document.getElementById('alert-name');
const tokenRow = document.getElementById('alert-token-row');
const tokenInput = document.getElementById('alert-token');

function token() {
  return sessionStorage.getItem(TOKEN_KEY) || '';
}

function headers(json) {
  const h = { Accept: 'application/json' };
  if (json) h['Content-Type'] = 'application/json';
  if (token()) h.Authorization = `Bearer ${token()}`;
  return h;
}

async function call(method, path, body) {
  const response = await fetch(path, { method, headers: headers(body !== undefined), body: body === undefined ? undefined : JSON.stringify(body) });
  const answer = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) {
    if (response.status === 401 && token()) sessionStorage.removeItem(TOKEN_KEY);
    throw new Error(answer?.detail || `the server answered ${response.status}`);
  }
  return answer;
}

function say(text, isError = false) {
  status.textContent = text;
  status.classList.toggle('error', isError);
}

/** The alert body for the search in the address: q, the filters, the dates. */
function alertOf(state, name) {
  const body = { name, q: state.q };
  for (const dimension of DIMENSIONS) {
    if (state.filters[dimension].length) body[dimension] = state.filters[dimension];
  }
  if (state.from) body.from = state.from;
  if (state.to) body.to = state.to;
  return body;
}

function describe(alert) {
  const parts = [alert.q ? `“${alert.q}”` : 'everything'];
  for (const dimension of DIMENSIONS) {
    for (const value of alert[dimension] || []) parts.push(`${dimension}: ${value}`);
  }
  if (alert.from) parts.push(`from ${alert.from}`);
  if (alert.to) parts.push(`to ${alert.to}`);
  return parts.join(', ');
}

function match(entry) {
  const params = new URLSearchParams({ episode: entry.episodeId, turn: String(entry.turn) });
  return el('li', { class: 'alert-match' },
    el('p', { class: 'meta' },
      speakerLabel({ name: entry.speaker, role: entry.role }),
      entry.program ? el('span', { text: entry.program }) : null,
      airDate(entry.date),
      el('a', { class: 'alert-story', href: `/?${params}`, 'data-nav': true, text: entry.title })),
    passage('blockquote', entry.quote, 'passage small'));
}

function card(alert) {
  const remove = el('button', { type: 'button', class: 'link-button', text: 'Delete',
    onclick: () => removeAlert(alert) });
  return el('li', { class: 'alert-card', 'data-alert': alert.id },
    el('h3', { text: alert.name }),
    el('p', { class: 'meta' },
      el('span', { text: describe(alert) }),
      el('span', { class: 'alert-count', text: `${alert.matches} ${alert.matches === 1 ? 'match' : 'matches'}` }),
      safeLink(alert.feed, 'Atom feed'),
      remove),
    alert.problem ? el('p', { class: 'status error', text: `Not matching: ${alert.problem}` }) : null,
    alert.latest.length
      ? el('ol', { class: 'alert-matches' }, alert.latest.map(match))
      : el('p', { class: 'hint', text: 'No match yet: new transcripts are matched as they are indexed.' }));
}

/** Reads the alerts and shows them; returns whether that worked. */
async function load() {
  try {
    const alerts = await call('GET', '/api/alerts');
    list.replaceChildren(...alerts.map(card));
    if (!alerts.length) say('No alerts yet. Search, then save the search as an alert.');
    return true;
  } catch (error) {
    say(`The alerts could not be read: ${error.message}`, true);
    return false;
  }
}

/** Focus for a reader whose control just went away: the Delete button now at `index` (or the last), else Save. */
function focusAfterRedraw(index) {
  const buttons = [...list.querySelectorAll('.alert-card button')];
  (buttons[Math.min(index, buttons.length - 1)] || saveButton).focus();
}

/** Hides the form; if focus was in it, it goes back to the button that opened it. */
function hideForm() {
  const hadFocus = saveForm.contains(document.activeElement);
  saveForm.hidden = true;
  if (hadFocus) saveButton.focus();
}

async function removeAlert(alert) {
  if (!token()) {
    showForm(false);
    say('Enter the admin token to delete alerts.', true);
    return;
  }
  const index = [...list.children].findIndex((node) => node.dataset.alert === alert.id);
  try {
    await call('DELETE', `/api/alerts/${encodeURIComponent(alert.id)}`);
    say(`Deleted “${alert.name}”.`);
    if (await load()) focusAfterRedraw(index);
  } catch (error) {
    say(`Not deleted: ${error.message}`, true);
  }
}

function showForm(withName) {
  panel.open = true;
  saveForm.hidden = false;
  nameInput.closest('label').hidden = !withName;
  tokenRow.hidden = Boolean(token());
  (withName ? nameInput : tokenInput).focus();
}

saveButton.addEventListener('click', () => {
  const state = readState();
  if (!hasSearch(state)) {
    panel.open = true;
    say('Search first: the alert is the search shown.', true);
    return;
  }
  nameInput.value = state.q || describe(alertOf(state, ''));
  say('');
  showForm(true);
});

saveForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (tokenInput.value.trim()) sessionStorage.setItem(TOKEN_KEY, tokenInput.value.trim());
  tokenInput.value = '';
  if (!token()) {
    say('The admin token is needed to save alerts.', true);
    return;
  }
  if (nameInput.closest('label').hidden) {
    hideForm();
    say('Token kept for this tab.');
    return;
  }
  try {
    const saved = await call('POST', '/api/alerts', alertOf(readState(), nameInput.value.trim()));
    hideForm();
    say(`Saved “${saved.name}”: new transcripts that match it will appear here and in its feed.`);
    load();
  } catch (error) {
    tokenRow.hidden = Boolean(token());
    say(`Not saved: ${error.message}`, true);
  }
});

document.getElementById('cancel-alert').addEventListener('click', hideForm);
panel.addEventListener('toggle', () => { if (panel.open) load(); });
