// The transcript view: a whole episode, speakers labelled, the searched words marked by the server, and the
// turn the reader came from scrolled into view and focused.
import * as api from './api.js';
import { el, passage, airDate, speakerLabel, safeLink } from './dom.js';
import { searchUrl } from './state.js';

const PARALLEL_HIGHLIGHTS = 4;

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
      const episode = await api.episode(state.episode, signal);
      this.render(episode);
      const focused = this.focusTurn(state.turn);
      if (state.q) await this.markMatches(episode, state.q, signal);
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
      airDate(episode.date),
      episode.url ? safeLink(episode.url, 'Original page') : null,
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

  /** Replaces each turn's text by the server's highlighted version of it. */
  async markMatches(episode, q, signal) {
    const queue = [...episode.turns];
    let matches = 0;
    const worker = async () => {
      for (let turn = queue.shift(); turn; turn = queue.shift()) {
        try {
          const marked = await api.highlight(turn.id, q, signal);
          if (!marked.matches.length) continue;
          matches += marked.matches.length;
          const text = document.querySelector(`#turn-${turn.turn} .turn-text`);
          text?.replaceWith(passage('p', marked.html, 'turn-text'));
        } catch (error) {
          if (error.name === 'AbortError') throw error;
          // A query the highlighter cannot mark leaves the turn plain.
        }
      }
    };
    await Promise.all(Array.from({ length: PARALLEL_HIGHLIGHTS }, worker));
    this.status.textContent = matches
      ? `${matches} ${matches === 1 ? 'match' : 'matches'} of “${q}” marked in this transcript.`
      : `No words of “${q}” in this transcript.`;
  }
}
