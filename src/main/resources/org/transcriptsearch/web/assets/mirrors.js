// The copies of a story and the reuse of a soundbite: the sites a transcript was published on, and on a search hit,
// the other stories that aired the same words (their copies on the page are folded into the hit by the server).
import { el, safeLink } from './dom.js';
import { transcriptUrl } from './state.js';

/** "Published on 2 sites: KERA, WKNO FM", each linked where its address is known; null for a single copy. */
export function sourcesLine(episode) {
  const sources = episode.sources || [];
  if (sources.length < 2) return null;
  const names = sources.map((s) => (s.url ? safeLink(s.url, s.site || s.url) : s.site || s.id));
  return el('p', { class: 'sources' }, `Published on ${sources.length} sites: `, separated(names));
}

/** "Also aired in 2 stories: 1, 2", linking each story's transcript; null when the words aired nowhere else. */
export function alsoInLine(hit, state) {
  const also = hit.alsoIn;
  if (!also || !also.stories) return null;
  const count = `${also.atLeast ? 'at least ' : ''}${also.stories}`;
  const links = also.episodes.map((id, i) =>
    el('a', { href: transcriptUrl(state, id), 'data-nav': true, text: `story ${i + 1}`, title: id }));
  return el('p', { class: 'also-in' },
    `Also aired in ${count} ${also.stories === 1 ? 'other story' : 'other stories'}: `, separated(links));
}

/** Status words for the hits a page folded, or '' when none. */
export function collapsedNote(response) {
  const n = response.collapsed || 0;
  return n ? ` ${n} more ${n === 1 ? 'was a copy' : 'were copies'} of a quote shown (the same words in another story).` : '';
}

function separated(items) {
  return items.flatMap((item, i) => (i ? [', ', item] : [item]));
}
