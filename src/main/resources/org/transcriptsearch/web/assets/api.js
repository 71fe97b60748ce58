// The JSON API of this server: one function per endpoint, each resolving to the response body or rejecting
// with the server's own explanation.

import { askForKey, keyHeaders } from './api-key.js';

async function getJson(path, params = new URLSearchParams(), signal) {
  const query = params.toString();
  const headers = { Accept: 'application/json', ...keyHeaders() };
  const response = await fetch(query ? `${path}?${query}` : path, { signal, headers });
  const body = await response.json().catch(() => null);
  if (response.status === 401) {
    askForKey(body?.detail || 'An API key is required.');
  }
  if (!response.ok) {
    throw new Error(body?.detail || `the server answered ${response.status}`);
  }
  return body;
}

/** GET /api/search with the page's parameters (q, filters, dates, sort) plus size and cursor. */
export function search(params, signal) {
  return getJson('/api/search', params, signal);
}

/** GET /api/speakers?about=: who said the most about the query. */
export function speakersAbout(params, signal) {
  return getJson('/api/speakers', params, signal);
}

/** GET /api/utterances/{id}?context=n: a turn with the turns around it. */
export function utterance(id, context) {
  return getJson(`/api/utterances/${encodeURIComponent(id)}`, new URLSearchParams({ context }));
}

/** GET /api/episodes/{id}: a whole transcript; with q, the turns where it matches come back marked too. */
export function episode(id, q, signal) {
  return getJson(`/api/episodes/${encodeURIComponent(id)}`, new URLSearchParams(q ? { q } : {}), signal);
}

/** GET /api/timeline with the page's search parameters and an interval (year, month or week). */
export function timeline(params, signal) {
  return getJson('/api/timeline', params, signal);
}

/** GET /api/speakers/{name}: one person's record. */
export function person(name, signal) {
  return getJson(`/api/speakers/${encodeURIComponent(name)}`, new URLSearchParams(), signal);
}

/** GET /api/quotes?text=: the closest utterances to a quote, with a verdict. */
export function quotes(text, signal) {
  return getJson('/api/quotes', new URLSearchParams({ text }), signal);
}
