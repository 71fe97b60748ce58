// How the search read the query (the speaker a question names, the variants of a word, partial matches) and,
// when it found nothing, what would: "did you mean" and the same search without a filter or quotes.
import { el } from './dom.js';
import { searchUrl } from './state.js';

const NOTES_ID = 'reading-notes';

/**
 * Replaces the notes before `anchor` (the quotes' list) with those of `response`, a search for `state`. They go
 * where the quotes go, so they come in with them and push nothing already shown down the page.
 */
export function showReading(anchor, response, state) {
  document.getElementById(NOTES_ID)?.remove();
  const notes = [];
  const shards = response.shards;
  if (shards) {
    // SolrCloud with every replica of a shard down: the answer is smaller than the collection's, and says so first.
    notes.push(el('p', { class: 'shards-notice', id: 'shards-notice' },
      `Answered by ${shards.answered} of ${shards.asked} parts of the collection (the others are down): these quotes `
        + 'and counts leave theirs out, and there is no next page until every part answers.'));
  }
  const interpreted = response.interpreted;
  if (interpreted) {
    notes.push(el('p', { class: 'reading' },
      `Read as what ${interpreted.speaker} said about ${interpreted.words.join(' ')}: their own turns first, then `
      + `turns that mention them (${interpreted.literal.hits} of the words alone).`));
  }
  const expansions = response.query?.expansions ?? [];
  if (expansions.length) {
    notes.push(el('p', { class: 'reading' }, 'Also matching: '
      + expansions.map((e) => `${e.word} = ${e.variants.join(', ')}`).join('; ')
      + ' (put a word in quotes to match it only as typed).'));
  }
  if (response.partial) {
    notes.push(el('p', { class: 'reading' }, 'No turn has every word; these have most of them.'));
  }
  for (const alternative of response.didYouMean ?? []) {
    notes.push(el('p', { class: 'did-you-mean' }, 'Did you mean ', link(alternative, state), '?'));
  }
  for (const alternative of response.help ?? []) {
    notes.push(el('p', { class: 'try' }, 'Try ', link(alternative, state)));
  }
  if (notes.length) anchor.before(el('div', { id: NOTES_ID, class: 'reading-notes' }, notes));
}

/** A link to the alternative search, or its text when the page cannot express it. */
function link(alternative, state) {
  const text = alternative.message.replace(/^did you mean /, '').replace(/\?.*$/, '');
  const next = changed(alternative, state);
  return next ? el('a', { href: searchUrl(next), 'data-nav': true, text }) : text;
}

function changed(alternative, state) {
  const next = { ...state, filters: { ...state.filters }, episode: '', turn: '' };
  if (alternative.q !== null && alternative.q !== undefined) next.q = alternative.q;
  for (const [name, value] of Object.entries(alternative.params ?? {})) {
    if (name === 'from' || name === 'to') next[name] = value;
    else if (name in next.filters) next.filters[name] = value ? value.split(',') : [];
    else return null;
  }
  return next;
}
