// The transcript view: a whole episode, speakers labelled, the searched words marked by the server, and the
// turn the reader came from scrolled into view and focused.
import * as api from './api.js';
import { el, passage, airDate, speakerLabel, safeLink } from './dom.js';
import { searchUrl } from './state.js';

export class TranscriptView {
  constructor() {
    this.back = document.getElementById('back');
    this.title = document.getElementById('transcript-title');
    this.meta = document.getElementById('transcript-meta');
    this.topics = document.getElementById('transcript-topics');
    this.status = document.getElementById('transcript-status');
    this.turns = document.getElementById('turns');
    this.controller = null;
  }

  /** Shows the episode of `state`, focusing `state.turn` and marking `state.q`. */
  async show(state) {
    this.controller?.abort();
    this.controller = new AbortController();
    const signal = this.controller.signal;
    this.back.href = searchUrl(state);
    this.back.setAttribute('data-nav', '');
    this.turns.replaceChildren();
    this.title.textContent = 'Loading the transcript…';
    this.meta.replaceChildren();
    this.topics.replaceChildren();
    this.status.textContent = '';
    try {
      const episode = await this.load(state, signal);
      this.render(episode);
      const focused = this.focusTurn(state.turn);
      if (state.q && episode.highlights) this.markMatches(episode, state.q);
      focused?.scrollIntoView({ block: 'center' });
    } catch (error) {
      if (error.name === 'AbortError') return;
      this.title.textContent = 'Transcript not available';
      this.status.textContent = error.message;
    }
  }

  render(episode) {
    document.title = `${episode.title} – transcript-search`;
    this.title.textContent = episode.title || 'Untitled';
    this.meta.append(...[
      episode.program ? el('span', { class: 'program', text: episode.program }) : null,
      airDate(episode.date) || el('span', { class: 'undated', text: 'air date unknown' }),
      episode.source ? el('span', { class: 'source-name', text: `from ${episode.source}` }) : null,
      episode.url ? el('span', {}, safeLink(episode.url, 'Original page')) : null,
    ].filter(Boolean));
    if (episode.topics.length) {
      this.topics.append('Topics: ', episode.topics.join(', '));
    }
    this.turns.append(...episode.turns.map((turn) => el('li', {
      id: `turn-${turn.turn}`, class: 'turn', tabindex: '-1', 'data-id': turn.id,
    },
    el('p', { class: 'who' }, speakerLabel(turn.speaker),
      turn.speaker.title ? el('span', { class: 'speaker-title', text: turn.speaker.title }) : null),
    el('p', { class: 'turn-text', text: turn.text }))));
  }

  focusTurn(turnNumber) {
    const turn = turnNumber ? document.getElementById(`turn-${turnNumber}`) : null;
    if (!turn) {
      this.title.focus();
      return null;
    }
    turn.classList.add('focused');
    turn.setAttribute('aria-current', 'true');
    turn.scrollIntoView({ block: 'center' });
    turn.focus({ preventScroll: true });
    return turn;
  }

  /**
   * The episode with `state.q` marked by the server in the same request; a query the server refuses (a URL edited
   * by hand) still shows the transcript, unmarked.
   */
  async load(state, signal) {
    if (!state.q) return api.episode(state.episode, undefined, signal);
    try {
      return await api.episode(state.episode, state.q, signal);
    } catch (error) {
      if (error.name === 'AbortError') throw error;
      const episode = await api.episode(state.episode, undefined, signal);
      return { ...episode, highlights: null };
    }
  }

  /** Replaces the text of each turn where the query matches by the server's marked version of it. */
  markMatches(episode, q) {
    let matches = 0;
    for (const marked of episode.highlights) {
      matches += marked.matches.length;
      const text = document.querySelector(`#turn-${marked.turn} .turn-text`);
      text?.replaceWith(passage('p', marked.html, 'turn-text'));
    }
    this.status.textContent = matches
      ? `${matches} ${matches === 1 ? 'match' : 'matches'} of “${q}” marked in this transcript.`
      : `No words of “${q}” in this transcript.`;
  }
}
