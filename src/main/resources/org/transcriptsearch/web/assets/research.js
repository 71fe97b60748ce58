// The research desk on the page: the timeline drawn above the results (brush a range to set the dates), a person's
// record reached from every speaker name, and "copy quote with citation" on every quote. Inline SVG, no library.
import * as api from './api.js';
import { el, airDate } from './dom.js';
import { searchParams, searchUrl, transcriptUrl, hasSearch, personUrl } from './state.js';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 640;
const HEIGHT = 96;
const AXIS = 16;

/** An SVG element with attributes (presentation attributes only: the page's CSP allows no inline style). */
function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  children.flat().filter(Boolean).forEach((child) => node.append(child));
  return node;
}

/** A yyyy-mm-dd date moved by whole days. */
function addDays(date, days) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The start of the bucket after the one starting on `start`. */
function nextStart(start, interval) {
  const d = new Date(`${start}T00:00:00Z`);
  if (interval === 'year') d.setUTCFullYear(d.getUTCFullYear() + 1);
  else if (interval === 'month') d.setUTCMonth(d.getUTCMonth() + 1);
  else d.setUTCDate(d.getUTCDate() + 7);
  return d.toISOString().slice(0, 10);
}

/** How a bucket is named: 2014, Mar 2014, or the week's Monday. */
function bucketName(start, interval) {
  if (interval === 'year') return start.slice(0, 4);
  const d = new Date(`${start}T00:00:00Z`);
  if (interval === 'month') return d.toLocaleDateString('en-US', { timeZone: 'UTC', month: 'short', year: 'numeric' });
  return `week of ${d.toLocaleDateString('en-US', { timeZone: 'UTC', month: 'short', day: 'numeric', year: 'numeric' })}`;
}

/**
 * Draws a timeline as bars in an SVG. With `onRange(from, to)`, dragging across bars (or pressing Enter on one)
 * selects their dates.
 */
export function drawTimeline(timeline, onRange) {
  const buckets = timeline.buckets;
  const most = Math.max(1, ...buckets.map((b) => b.count));
  const step = WIDTH / Math.max(1, buckets.length);
  const bars = buckets.map((b, i) => {
    const h = b.count === 0 ? 0 : Math.max(2, Math.round((HEIGHT - AXIS - 4) * b.count / most));
    const label = `${bucketName(b.start, timeline.interval)}: ${b.count} ${b.count === 1 ? 'quote' : 'quotes'}`;
    const bar = svg('g', { class: 'bar', 'data-index': i, 'data-start': b.start, 'data-count': b.count,
      tabindex: onRange ? 0 : -1, role: onRange ? 'button' : 'img', 'aria-label': label },
    svg('title', {}, label),
    svg('rect', { class: 'bar-hit', x: i * step, y: 0, width: step, height: HEIGHT - AXIS, fill: 'transparent' }),
    svg('rect', { class: 'bar-fill', x: i * step + step * 0.1, y: HEIGHT - AXIS - h, width: Math.max(1, step * 0.8),
      height: h }));
    return bar;
  });
  const first = buckets[0];
  const last = buckets[buckets.length - 1];
  const axis = [
    svg('line', { class: 'axis', x1: 0, y1: HEIGHT - AXIS, x2: WIDTH, y2: HEIGHT - AXIS }),
    svg('text', { class: 'axis-label', x: 2, y: HEIGHT - 3 }, bucketName(first.start, timeline.interval)),
    buckets.length > 1 ? svg('text', { class: 'axis-label', x: WIDTH - 2, y: HEIGHT - 3, 'text-anchor': 'end' },
      bucketName(last.start, timeline.interval)) : null,
  ];
  const selection = svg('rect', { class: 'brush', x: 0, y: 0, width: 0, height: HEIGHT - AXIS, visibility: 'hidden' });
  const chart = svg('svg', { class: 'timeline-chart', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, preserveAspectRatio: 'none',
    role: 'group', 'aria-label': 'Quotes by air date' }, bars, axis, selection);
  if (onRange) brush(chart, selection, buckets, step, timeline.interval, onRange);
  return chart;
}

function brush(chart, selection, buckets, step, interval, onRange) {
  const index = (event) => {
    const box = chart.getBoundingClientRect();
    const x = (event.clientX - box.left) * WIDTH / box.width;
    return Math.min(buckets.length - 1, Math.max(0, Math.floor(x / step)));
  };
  const pick = (a, b) => {
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    onRange(buckets[lo].start, addDays(nextStart(buckets[hi].start, interval), -1));
  };
  let anchor = null;
  chart.addEventListener('pointerdown', (event) => {
    anchor = index(event);
    chart.setPointerCapture?.(event.pointerId);
    show(anchor, anchor);
  });
  chart.addEventListener('pointermove', (event) => {
    if (anchor !== null) show(anchor, index(event));
  });
  chart.addEventListener('pointerup', (event) => {
    if (anchor === null) return;
    const end = index(event);
    const start = anchor;
    anchor = null;
    pick(start, end);
  });
  chart.addEventListener('keydown', (event) => {
    const bar = event.target.closest?.('.bar');
    if (bar && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      const i = Number(bar.dataset.index);
      pick(i, i);
    }
  });
  function show(a, b) {
    selection.setAttribute('x', Math.min(a, b) * step);
    selection.setAttribute('width', (Math.abs(b - a) + 1) * step);
    selection.setAttribute('visibility', 'visible');
  }
}

/** The timeline above the results: the same search counted by air date, at the finest interval that is readable. */
export class TimelinePanel {
  /** `navigate(state)` records a new state; brushing navigates to the same search with the dates chosen. */
  constructor(navigate) {
    this.navigate = navigate;
    this.node = document.getElementById('timeline');
    this.controller = null;
  }

  async show(state) {
    this.controller?.abort();
    this.controller = new AbortController();
    const signal = this.controller.signal;
    this.node.replaceChildren();
    // While the counts load, the timeline's place is kept (empty), so the quotes below do not jump when it comes.
    this.node.hidden = !hasSearch(state);
    this.node.classList.toggle('loading', hasSearch(state));
    if (!hasSearch(state)) return;
    try {
      let timeline = null;
      for (const interval of ['year', 'month', 'week']) {
        const params = searchParams(state);
        params.delete('sort');
        params.set('interval', interval);
        timeline = await api.timeline(params, signal);
        if (timeline.buckets.length >= 4) break;
      }
      this.render(timeline, state);
    } catch (error) {
      if (error.name !== 'AbortError') this.node.hidden = true; // the search itself reports the error
    }
  }

  render(timeline, state) {
    this.node.classList.remove('loading');
    const fewer = shardsNotice(timeline.shards, 'these counts leave theirs out');
    if (!timeline.buckets.length) {
      this.node.hidden = timeline.undated === 0 && !fewer;
      this.node.replaceChildren(el('p', { class: 'timeline-summary',
        text: `No air dates known for these ${timeline.undated} quotes.` }), fewer);
      return;
    }
    const dated = timeline.total - timeline.undated;
    const summary = `${dated} dated ${dated === 1 ? 'quote' : 'quotes'} by ${timeline.interval}`
      + (timeline.undated ? `; ${timeline.undated} undated` : '')
      + '. Drag across the bars (or press Enter on one) to see only those dates.';
    const chart = drawTimeline(timeline, (from, to) => this.navigate({ ...state, from, to, episode: '', turn: '' }));
    this.node.replaceChildren(el('p', { class: 'timeline-summary', text: summary }), fewer, chart);
    this.node.hidden = false;
  }
}

/** The text "copy quote with citation" puts on the clipboard: the quote, its citation and its address. */
export function citationText(hit, origin = location.origin) {
  const quote = hit.text.length <= 400 || !hit.highlights.length
    ? hit.text
    : hit.highlights.map((h) => hit.text.slice(h.start, h.end).trim()).join(' … ');
  return `“${quote.trim()}” — ${hit.citation}. ${origin}${hit.permalink}`;
}

/** A "Copy quote with citation" button for a hit; says what it copied next to it. */
export function copyButton(hit) {
  const note = el('span', { class: 'copy-note', role: 'status' });
  const button = el('button', { type: 'button', class: 'link-button copy-citation', text: 'Copy quote with citation',
    onclick: async () => {
      const text = citationText(hit);
      button.dataset.copied = text;
      note.textContent = (await copy(text)) ? 'Copied.' : 'Select and copy: ' + text;
    } });
  return [button, note];
}

async function copy(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard permission (an embedded or insecure page): the older way, from a selected field.
    const area = el('textarea', { class: 'copy-buffer', 'aria-hidden': 'true' });
    area.value = text;
    document.body.append(area);
    area.select();
    const done = document.execCommand && document.execCommand('copy');
    area.remove();
    return Boolean(done);
  }
}

/** A person's record: who they are on record, when and where they spoke, about what, and their latest turns. */
export class PersonView {
  constructor(navigate) {
    this.navigate = navigate;
    this.node = document.getElementById('person-view');
    this.controller = null;
  }

  async show(state) {
    this.controller?.abort();
    this.controller = new AbortController();
    this.node.replaceChildren(el('p', { class: 'status', role: 'status', text: `Loading ${state.person}…` }));
    try {
      const person = await api.person(state.person, this.controller.signal);
      this.render(person);
    } catch (error) {
      if (error.name === 'AbortError') return;
      this.node.replaceChildren(backLink(),
        el('h1', { id: 'person-name', tabindex: '-1', text: 'Person not found' }),
        el('p', { class: 'status error', role: 'status', text: error.message }));
    }
  }

  render(p) {
    document.title = `${p.name} – transcript-search`;
    const dates = p.firstDate
      ? el('span', {}, 'on air ', airDate(p.firstDate), ' to ', airDate(p.lastDate))
      : el('span', { text: 'no air dates known' });
    const facts = el('dl', { class: 'person-facts' },
      fact('Written as', Object.entries(p.forms).map(([form, n]) => `${form} (${n})`)),
      fact('Roles', counts(p.roles)),
      fact('Titles', counts(p.titles)),
      fact('Affiliations', counts(p.affiliations)),
      fact('Programs', counts(p.programs)),
      fact('Topics', counts(p.topics)),
      p.alsoMatched.length ? fact('The name also fits', p.alsoMatched) : null);
    const timeline = p.timeline.buckets.length
      ? el('figure', { class: 'person-timeline' }, drawTimeline(p.timeline, null),
        el('figcaption', { text: `Turns per year${p.timeline.undated ? `; ${p.timeline.undated} undated` : ''}` }))
      : null;
    const recent = el('ol', { class: 'hits recent' }, p.recent.map((hit) => el('li', { class: 'hit', 'data-id': hit.id },
      el('blockquote', { class: 'quote' }, el('p', { class: 'passage', text: excerpt(hit.text) })),
      el('p', { class: 'source' }, el('span', { class: 'citation', text: hit.citation })),
      el('p', { class: 'actions' },
        el('a', { class: 'open', href: transcriptUrl({ q: '', filters: { speaker: [], program: [], topic: [],
          role: [] }, from: '', to: '', sort: 'relevance' }, hit.episode.id, hit.turn), 'data-nav': true,
        text: 'Read in the transcript' }),
        ...copyButton(hit)))));
    const search = el('a', { class: 'person-search', 'data-nav': true, text: `Search ${p.name}'s turns`,
      href: searchUrl({ q: '', filters: { speaker: [p.name], program: [], topic: [], role: [] }, from: '', to: '',
        sort: 'date' }) });
    this.node.replaceChildren(backLink(),
      el('header', { class: 'person-head' },
        el('h1', { id: 'person-name', tabindex: '-1', text: p.name }),
        el('p', { class: 'meta' }, el('span', { text: `${p.utterances} ${p.utterances === 1 ? 'turn' : 'turns'}` }),
          dates),
        shardsNotice(p.shards, 'this record leaves out the turns they hold')),
      facts, timeline, el('h2', { text: 'Most recent turns' }), recent, el('p', {}, search));
    this.node.querySelector('#person-name').focus();
  }
}

/**
 * On SolrCloud with every replica of a shard down, the notice that an answer is smaller than the collection's
 * (`shards`, as a search says it: see reading.js); null when every part answered.
 */
function shardsNotice(shards, what) {
  return shards ? el('p', { class: 'shards-notice', role: 'note' },
    `Answered by ${shards.answered} of ${shards.asked} parts of the collection (the others are down): ${what}.`) : null;
}

function backLink() {
  return el('p', {}, el('a', { class: 'back', href: '/', text: '← Back to the search',
    onclick: (event) => {
      if (history.length > 1) {
        event.preventDefault();
        history.back();
      }
    } }));
}

function fact(name, values) {
  return [el('dt', { text: name }), el('dd', { text: values.length ? values.join(', ') : '—' })];
}

function counts(values) {
  return values.map((v) => `${v.value} (${v.count})`);
}

function excerpt(text, length = 320) {
  return text.length <= length ? text : `${text.slice(0, text.lastIndexOf(' ', length))} …`;
}


const VERDICTS = {
  said: 'Said in these words',
  close: 'Said, but not in these words',
  'not found': 'Not found: nobody in these transcripts said anything close',
};

/** The word diff of a match: what was said, with the quote's changes marked (<del> said, <ins> in the quote). */
function diffLine(ops) {
  const line = el('p', { class: 'diff' });
  ops.forEach((op, i) => {
    if (i > 0) line.append(' ');
    const moved = op.moved ? ' moved' : '';
    if (op.op === 'same') line.append(el('span', { class: 'same', text: op.said }));
    else if (op.op === 'missing') line.append(el('del', { class: `missing${moved}`, title: 'said, not in the quote', text: op.said }));
    else if (op.op === 'added') line.append(el('ins', { class: `added${moved}`, title: 'in the quote, not said', text: op.quote }));
    else {
      line.append(el('del', { class: 'changed', title: 'said', text: op.said }), ' ',
        el('ins', { class: 'changed', title: 'in the quote', text: op.quote }));
    }
  });
  return line;
}

/** A quote check: the verdict, and the closest utterances with what differs from the quote. */
export class QuoteView {
  constructor(navigate) {
    this.navigate = navigate;
    this.node = document.getElementById('quote-view');
    this.controller = null;
  }

  async show(state) {
    this.controller?.abort();
    this.controller = new AbortController();
    document.getElementById('quote-text').value = state.quote;
    this.node.replaceChildren(el('p', { class: 'status', role: 'status', text: 'Checking the quote…' }));
    try {
      this.render(await api.quotes(state.quote, this.controller.signal));
    } catch (error) {
      if (error.name === 'AbortError') return;
      this.node.replaceChildren(backLink(), el('h1', { id: 'quote-title', tabindex: '-1', text: 'The quote could not be checked' }),
        el('p', { class: 'status error', role: 'status', text: error.message }));
    }
  }

  render(check) {
    document.title = 'Quote check – transcript-search';
    const matches = el('ol', { class: 'hits quote-matches' }, check.matches.map((m) => el('li', {
      class: 'hit', 'data-id': m.id },
    el('p', { class: 'who' },
      el('a', { class: 'speaker-name', href: personUrl(m.hit.speaker.name), 'data-nav': true, text: m.hit.speaker.name }),
      el('span', { class: 'similarity', text: `similarity ${m.similarity.toFixed(3)}` })),
    el('blockquote', { class: 'quote' }, diffLine(m.diff)),
    el('p', { class: 'source' }, el('span', { class: 'citation', text: m.hit.citation })),
    m.alsoSaidIn.length ? el('p', { class: 'also', text: `The same words were said later too (${m.alsoSaidIn.length} more below).` }) : null,
    el('p', { class: 'actions' },
      el('a', { class: 'open', href: m.hit.permalink, 'data-nav': true, text: 'Read in the transcript' }),
      ...copyButton(m.hit)))));
    this.node.replaceChildren(backLink(),
      el('h1', { id: 'quote-title', tabindex: '-1', class: `verdict verdict-${check.verdict.replace(' ', '-')}`,
        text: VERDICTS[check.verdict] || check.verdict }),
      el('p', { class: 'checked-quote', text: `“${check.text}”` }),
      check.matches.length ? el('p', { class: 'hint', text: 'Struck through: said, not in the quote. Underlined: in the quote, not said.' }) : null,
      matches);
    this.node.querySelector('#quote-title').focus();
  }
}
