// The search view: the form, quotes with highlights and context, facets, filter chips, "load more" and the
// "who said the most" panel. It renders a state; every change of state goes through `navigate`, which puts it
// in the URL first.
import * as api from './api.js';
import { el, passage, airDate, speakerLabel } from './dom.js';
import { showReading } from './reading.js';
import { DIMENSIONS, DIMENSION_NAMES, searchParams, transcriptUrl, hasSearch, toggleFilter, personUrl } from './state.js';
import { TimelinePanel, copyButton } from './research.js';
import { alsoInLine, collapsedNote } from './mirrors.js';

const PAGE_SIZE = 10;
const CONTEXT_TURNS = 2;
const FACET_VALUES = 8;
const EXAMPLES = ['crimea', '“self-defense forces”', 'speaker:kelemen crimea', 'Kelemen on Crimea', 'kerry OR lavrov'];

export class SearchView {
  /** `navigate(state)` records a new state in the URL and renders it. */
  constructor(navigate) {
    this.navigate = navigate;
    this.form = document.getElementById('search-form');
    this.input = document.getElementById('q');
    this.from = document.getElementById('from');
    this.to = document.getElementById('to');
    this.sort = document.getElementById('sort');
    this.chips = document.getElementById('chips');
    this.status = document.getElementById('status');
    this.hits = document.getElementById('hits');
    this.more = document.getElementById('more');
    this.results = document.getElementById('results');
    this.help = document.getElementById('help');
    this.section = document.getElementById('search-view');
    this.facets = document.getElementById('facets');
    this.speakersPanel = document.getElementById('speakers-panel');
    this.speakers = document.getElementById('speakers');
    this.timeline = new TimelinePanel(navigate);
    this.state = null;
    this.cursor = null;
    this.controller = null;
    this.returnTo = null; // the quote, and which of its links, the reader followed out of the results
    this.hits.addEventListener('click', (event) => this.noteDeparture(event));
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.navigate(this.formState());
    });
    for (const control of [this.from, this.to, this.sort]) {
      control.addEventListener('change', () => this.navigate(this.formState()));
    }
    this.more.addEventListener('click', () => this.loadMore());
  }

  /** Shows the view for `state`, searching when it asks for a search. */
  async show(state) {
    this.state = state;
    this.fillForm(state);
    this.renderChips(state);
    this.controller?.abort();
    this.controller = new AbortController();
    this.hits.replaceChildren();
    this.more.hidden = true;
    this.speakersPanel.hidden = true;
    document.getElementById('reading-notes')?.remove();
    if (!hasSearch(state)) {
      this.renderFacets({}, state);
      this.timeline.show(state);
      this.showWelcome();
      this.help.hidden = false;
      return;
    }
    // The facets shown stay until the new ones replace them, so a facet just pressed keeps focus meanwhile; the
    // help waits below the fold until the quotes are in, so they do not push it down the screen as they come.
    this.help.hidden = true;
    this.facets.setAttribute('aria-busy', 'true');
    this.setStatus('Searching…');
    const signal = this.controller.signal;
    this.loadSpeakers(state, signal);
    this.timeline.show(state);
    try {
      const params = searchParams(state);
      params.set('size', PAGE_SIZE);
      const response = await api.search(params, signal);
      this.renderResults(response, state);
    } catch (error) {
      if (error.name === 'AbortError') return;
      this.setStatus(`The search failed: ${error.message}`, true);
      this.renderFacets({}, state);
    }
    this.help.hidden = this.section.hidden; // the reader may have gone on to another view meanwhile
  }

  formState() {
    return {
      ...this.state,
      q: this.input.value.trim(),
      from: this.from.value,
      to: this.to.value,
      sort: this.sort.value,
      episode: '',
      turn: '',
    };
  }

  fillForm(state) {
    this.input.value = state.q;
    this.from.value = state.from;
    this.to.value = state.to;
    this.sort.value = state.sort;
  }

  setStatus(text, isError = false) {
    this.status.textContent = text;
    this.status.classList.toggle('error', isError);
  }

  showWelcome() {
    this.setStatus('');
    const examples = EXAMPLES.map((q) => el('li', {},
      el('a', { href: `/?${new URLSearchParams({ q })}`, 'data-nav': true, text: q })));
    this.hits.append(el('li', { class: 'welcome' },
      el('p', { text: 'Search what was said on air, by whom and when. Try:' }),
      el('ul', { class: 'examples' }, examples)));
  }

  renderResults(response, state) {
    const shown = response.hits.length;
    const estimated = response.estimatedTotal != null;
    const total = estimated
      ? `About ${response.estimatedTotal}`
      : `${response.totalRelation === 'gte' ? 'at least ' : ''}${response.total}`;
    const what = state.q ? ` for “${state.q}”` : '';
    const counted = estimated ? ` (estimated from a sample; at least ${response.total})` : '';
    this.setStatus(response.total === 0
      ? `No quotes found${what}.`
      : `${total} ${response.total === 1 && !estimated ? 'quote' : 'quotes'}${what}${counted}; showing ${shown}.`
        + collapsedNote(response));
    showReading(this.hits, response, state);
    this.appendHits(response.hits);
    this.renderFacets(response.facets, state, response.approximateFacets);
    this.setCursor(response.nextCursor);
    this.returnToDeparture();
  }

  /** Remembers the link a reader follows out of a quote, so coming back can focus it again. */
  noteDeparture(event) {
    const link = event.target.closest('a[data-nav]');
    const hit = link?.closest('.hit');
    if (!hit) return;
    this.returnTo = { id: hit.dataset.id, link: [...hit.querySelectorAll('a[data-nav]')].indexOf(link) };
  }

  /**
   * Back in the results from a transcript or a record, focus goes to the link the reader followed, when that quote
   * is among them and focus is still where the view change left it (the results, or nowhere).
   */
  returnToDeparture() {
    const back = this.returnTo;
    this.returnTo = null;
    const focused = document.activeElement;
    if (!back || (focused && focused !== document.body && focused !== this.results)) return;
    const hit = [...this.hits.querySelectorAll('.hit')].find((node) => node.dataset.id === back.id);
    const link = hit?.querySelectorAll('a[data-nav]')[back.link];
    if (!link) return;
    link.focus({ preventScroll: true });
    link.scrollIntoView({ block: 'center' });
  }

  setCursor(cursor) {
    this.cursor = cursor;
    this.more.hidden = !cursor;
  }

  async loadMore() {
    if (!this.cursor) return;
    const params = searchParams(this.state);
    params.set('size', PAGE_SIZE);
    params.set('cursor', this.cursor);
    if (this.more.getAttribute('aria-disabled') === 'true') return;
    // Marked busy rather than disabled: a disabled button loses focus, and the reader's place with it.
    this.more.setAttribute('aria-disabled', 'true');
    try {
      const response = await api.search(params, this.controller.signal);
      const first = this.appendHits(response.hits);
      const count = this.hits.querySelectorAll('.hit').length;
      this.setStatus(`${response.total} quotes; showing ${count}.`);
      this.setCursor(response.nextCursor);
      const next = first?.querySelector('a.open');
      if (next) next.focus();
      else if (this.more.hidden) this.results.focus();
    } catch (error) {
      if (error.name !== 'AbortError') this.setStatus(`Loading more failed: ${error.message}`, true);
    } finally {
      this.more.removeAttribute('aria-disabled');
    }
  }

  /** Appends quotes; returns the first one added. */
  appendHits(hits) {
    const items = hits.map((hit) => this.hitItem(hit));
    this.hits.append(...items);
    return items[0];
  }

  hitItem(hit) {
    const quote = el('blockquote', { class: 'quote', cite: hit.episode.url || null });
    if (hit.highlights.length) {
      hit.highlights.forEach((h) => quote.append(passage('p', h.html, 'passage')));
    } else {
      quote.append(el('p', { class: 'passage', text: excerpt(hit.text) }));
    }
    const contextButton = el('button', { type: 'button', class: 'link-button context-toggle', 'aria-expanded': 'false',
      text: 'Show context' });
    const item = el('li', { class: 'hit', 'data-id': hit.id },
      el('article', {},
        el('p', { class: 'who' }, speakerLabel(hit.speaker),
          hit.speaker.title ? el('span', { class: 'speaker-title', text: hit.speaker.title }) : null),
        quote,
        episodeLine(hit.episode),
        alsoInLine(hit, this.state),
        el('p', { class: 'actions' },
          el('a', { class: 'open', href: transcriptUrl(this.state, hit.episode.id, hit.turn), 'data-nav': true,
            text: 'Read in the transcript' }),
          contextButton,
          ...copyButton(hit))));
    contextButton.addEventListener('click', () => this.toggleContext(item, hit, contextButton));
    return item;
  }

  /**
   * Opens the turns around a quote, or closes them. While they load the button stays focusable (busy, not
   * disabled); once open, focus goes to the quote in its context, a labelled region; closed, it stays on the button.
   */
  async toggleContext(item, hit, button) {
    const region = item.querySelector('.in-context');
    if (region) {
      region.replaceWith(item.querySelector('.quote'));
      button.setAttribute('aria-expanded', 'false');
      button.textContent = 'Show context';
      return;
    }
    if (button.getAttribute('aria-disabled') === 'true') return;
    button.setAttribute('aria-disabled', 'true');
    button.textContent = 'Loading the context…';
    try {
      const context = await api.utterance(hit.id, CONTEXT_TURNS);
      const quote = item.querySelector('.quote');
      const opened = el('div', { class: 'in-context', role: 'region', tabindex: '-1',
        'aria-label': `The quote in its context: ${contextLabel(context)}` });
      quote.replaceWith(opened);
      if (context.before.length) opened.append(contextList(context.before, 'before'));
      opened.append(quote);
      if (context.after.length) opened.append(contextList(context.after, 'after'));
      button.setAttribute('aria-expanded', 'true');
      button.textContent = 'Hide context';
      if (document.activeElement === button) opened.focus();
    } catch (error) {
      button.textContent = 'Show context';
      this.setStatus(`The context could not be loaded: ${error.message}`, true);
    } finally {
      button.removeAttribute('aria-disabled');
    }
  }

  /**
   * Draws the facets; a facet value that had focus keeps it, or hands it to its chip if it left the list. A
   * dimension counted over a sample of many hits shows "about" before each count: the counts are estimates.
   */
  renderFacets(facets, state, approximate = []) {
    const focused = document.activeElement?.closest?.('.facet-value');
    const groups = DIMENSIONS.filter((d) => facets?.[d]?.length).map((dimension) => {
      const headingId = `facet-${dimension}`;
      const about = approximate.includes(dimension) ? 'about ' : '';
      const buttons = facets[dimension].slice(0, FACET_VALUES).map(({ value, count }) => {
        const active = state.filters[dimension].includes(value);
        return el('li', {}, el('button', {
          type: 'button', class: 'facet-value', 'aria-pressed': String(active),
          'data-dimension': dimension, 'data-value': value,
          onclick: () => this.navigate(toggleFilter(this.state, dimension, value)),
        }, el('span', { class: 'facet-label', text: value }), el('span', { class: 'count', text: `${about}${count}` })));
      });
      return el('section', { class: 'facet', 'aria-labelledby': headingId },
        el('h2', { id: headingId, text: DIMENSION_NAMES[dimension] }), el('ul', {}, buttons));
    });
    this.facets.replaceChildren(...groups);
    this.facets.removeAttribute('aria-busy');
    this.facets.closest('aside').hidden = groups.length === 0;
    if (focused) {
      const { dimension, value } = focused.dataset;
      (this.facetValue(dimension, value) || this.chip(dimension, value) || this.results).focus();
    }
  }

  facetValue(dimension, value) {
    return [...this.facets.querySelectorAll('.facet-value')]
      .find((node) => node.dataset.dimension === dimension && node.dataset.value === value);
  }

  chip(dimension, value) {
    return [...this.chips.querySelectorAll('.chip')]
      .find((node) => node.dataset.dimension === dimension && node.dataset.value === value);
  }

  renderChips(state) {
    const chips = [];
    for (const dimension of DIMENSIONS) {
      for (const value of state.filters[dimension]) {
        chips.push(el('button', {
          type: 'button', class: 'chip', 'data-dimension': dimension, 'data-value': value,
          'aria-label': `Remove filter ${DIMENSION_NAMES[dimension]}: ${value}`,
          onclick: () => {
            this.navigate(toggleFilter(this.state, dimension, value));
            (this.chips.querySelector('.chip') || this.input).focus();
          },
        }, el('span', { class: 'chip-dimension', text: `${DIMENSION_NAMES[dimension]}:` }), ` ${value} `,
        el('span', { class: 'chip-x', 'aria-hidden': 'true', text: '×' })));
      }
    }
    this.chips.replaceChildren(...chips);
    this.chips.hidden = chips.length === 0;
  }

  async loadSpeakers(state, signal) {
    if (!state.q) return;
    // Hosts and unidentified speakers say the most about everything; the panel names the people in the news.
    const params = new URLSearchParams({ about: state.q, size: 5, quotes: 1, hosts: false, unidentified: false });
    for (const dimension of DIMENSIONS) state.filters[dimension].forEach((v) => params.append(dimension, v));
    if (state.from) params.set('from', state.from);
    if (state.to) params.set('to', state.to);
    try {
      const response = await api.speakersAbout(params, signal);
      this.renderSpeakers(response.speakers);
    } catch {
      this.speakersPanel.hidden = true; // the main search reports the error
    }
  }

  renderSpeakers(speakers) {
    const items = speakers.map((speaker) => {
      const quote = speaker.quotes[0];
      return el('li', { class: 'speaker-card' },
        el('p', { class: 'who' },
          el('button', { type: 'button', class: 'link-button speaker-name',
            'aria-label': `Only ${speaker.name}'s quotes`, text: speaker.name,
            onclick: () => {
              // The panel is redrawn; the filter's chip is what stands for the choice now.
              this.navigate(toggleFilter(this.state, 'speaker', speaker.name));
              this.chip('speaker', speaker.name)?.focus();
            } }),
          speaker.role ? el('span', { class: `role role-${speaker.role}`, text: speaker.role }) : null,
          el('a', { class: 'person-link', href: personUrl(speaker.name), 'data-nav': true,
            'aria-label': `${speaker.name}: everything on record`, text: 'record' })),
        el('p', { class: 'meta', text: `${speaker.count} ${speaker.count === 1 ? 'turn' : 'turns'}` }),
        quote?.highlights?.[0] ? passage('p', quote.highlights[0].html, 'passage small') : null);
    });
    this.speakers.replaceChildren(...items);
    this.speakersPanel.hidden = items.length === 0;
  }
}

function episodeLine(episode) {
  return el('p', { class: 'source' },
    el('cite', { text: episode.title || 'Untitled' }),
    episode.program ? el('span', { class: 'program', text: episode.program }) : null,
    airDate(episode.date));
}

function contextList(turns, where) {
  return el('ol', { class: `context context-${where}`, 'aria-label': `Turns ${where} the quote` },
    turns.map((turn) => el('li', {},
      el('p', { class: 'who' }, speakerLabel(turn.speaker)),
      el('p', { class: 'context-text', text: turn.text }))));
}

function contextLabel(context) {
  const turns = (n) => `${n} ${n === 1 ? 'turn' : 'turns'}`;
  const before = context.before.length;
  const after = context.after.length;
  if (before && after) return `${turns(before)} before it and ${turns(after)} after it`;
  if (before) return `${turns(before)} before it`;
  return after ? `${turns(after)} after it` : 'no other turns in the transcript';
}

function excerpt(text, length = 320) {
  return text.length <= length ? text : `${text.slice(0, text.lastIndexOf(' ', length))} …`;
}
