/*
 * transcript-search widget: a search box with quotes, for any page of an allowed origin.
 *
 *   <script src="https://search.example/widget.js"></script>
 *   <transcript-search endpoint="https://search.example" q="crimea" size="5"></transcript-search>
 *
 * Attributes (all optional, all can change after load): endpoint (default: where this script came from), q,
 * speaker, program, topic, role (filters, said above the quotes), sort (relevance|date), size (1-20, default 5),
 * placeholder, api-key (sent as X-Api-Key, for a server started with --api-key-file). The api-key is visible to
 * anyone who can read the host page: give the widget a key of its own that only reads, or better, serve the
 * widget's endpoint through the intranet's own authenticating proxy and leave api-key out (see the README).
 * Theme it from the host page with CSS custom properties on the element or any ancestor:
 *   --ts-accent, --ts-font, --ts-font-size, --ts-text, --ts-muted, --ts-background, --ts-surface,
 *   --ts-border, --ts-mark, --ts-radius.
 * The element's styles live in its shadow root: they do not leak out, and the page's styles do not leak in.
 * The server must be started with --cors-origin for the embedding page's origin.
 */
(() => {
  'use strict';
  if (customElements.get('transcript-search')) return;

  const SCRIPT_ORIGIN = document.currentScript ? new URL(document.currentScript.src, location.href).origin : '';
  const FILTERS = ['speaker', 'program', 'topic', 'role'];
  const MAX_SIZE = 20;

  const STYLE = `
    :host { all: initial; display: block; contain: content;
      font-family: var(--ts-font, system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif);
      font-size: var(--ts-font-size, 16px); line-height: 1.5; color: var(--ts-text, #1d2125); }
    :host([hidden]) { display: none; }
    * { box-sizing: border-box; }
    .box { background: var(--ts-background, #ffffff); border: 1px solid var(--ts-border, #d9d6cc);
      border-radius: var(--ts-radius, 8px); padding: 0.9em; }
    form { display: flex; gap: 0.5em; }
    label.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    input { flex: 1; min-width: 0; font: inherit; color: inherit; background: var(--ts-surface, #ffffff);
      padding: 0.45em 0.65em; border: 2px solid var(--ts-border, #8a8f94); border-radius: var(--ts-radius, 8px); }
    button { font: inherit; cursor: pointer; border: 0; border-radius: var(--ts-radius, 8px);
      padding: 0.45em 1em; font-weight: 600; background: var(--ts-accent, #0b4f8a); color: #fff; }
    :focus-visible { outline: 3px solid var(--ts-accent, #0b4f8a); outline-offset: 2px; }
    .status { margin: 0.6em 0 0; color: var(--ts-muted, #545b62); font-size: 0.9em; min-height: 1.2em; }
    .status.error { color: #a4161a; }
    ol { list-style: none; margin: 0.4em 0 0; padding: 0; }
    li { padding: 0.7em 0; border-top: 1px solid var(--ts-border, #d9d6cc); }
    .who { margin: 0; font-weight: 700; }
    .role { font-weight: 400; color: var(--ts-muted, #545b62); font-size: 0.85em; margin-left: 0.4em; }
    blockquote { margin: 0.25em 0; padding-left: 0.75em; border-left: 3px solid var(--ts-accent, #0b4f8a); }
    blockquote p { margin: 0; white-space: pre-line; }
    mark { background: var(--ts-mark, #ffe17a); color: inherit; padding: 0 0.1em; border-radius: 2px; }
    .source { margin: 0; font-size: 0.88em; color: var(--ts-muted, #545b62); }
    .filters { margin: 0.5em 0 0; font-size: 0.9em; color: var(--ts-muted, #545b62); }
    .filters:empty, .all:empty { display: none; }
    .all { margin: 0.5em 0 0; font-size: 0.9em; font-weight: 600; }
    a { color: var(--ts-accent, #0b4f8a); }
  `;

  /**
   * Gives the shadow root its styles. A constructed style sheet is not inline style, so it works even on host
   * pages whose Content-Security-Policy forbids inline styles; older browsers get a <style> element.
   */
  function adoptStyles(root) {
    if ('adoptedStyleSheets' in Document.prototype && 'replaceSync' in CSSStyleSheet.prototype) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(STYLE);
      root.adoptedStyleSheets = [sheet];
    } else {
      const style = document.createElement('style');
      style.textContent = STYLE;
      root.append(style);
    }
  }

  /** The API's highlight html (escaped text plus <mark>) as nodes: only text and <mark> survive. */
  function passage(html) {
    const p = document.createElement('p');
    const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
    for (const child of parsed.body.childNodes) {
      if (child.nodeType === Node.ELEMENT_NODE && child.nodeName === 'MARK') {
        const mark = document.createElement('mark');
        mark.textContent = child.textContent;
        p.append(mark);
      } else {
        p.append(document.createTextNode(child.textContent));
      }
    }
    return p;
  }

  function text(tag, value, className) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    node.textContent = value;
    return node;
  }

  class TranscriptSearch extends HTMLElement {
    static get observedAttributes() {
      return ['endpoint', 'q', 'size', 'sort', 'placeholder', 'api-key', ...FILTERS];
    }

    constructor() {
      super();
      const root = this.attachShadow({ mode: 'open' });
      const box = document.createElement('div');
      box.className = 'box';
      box.setAttribute('part', 'box');
      this.form = document.createElement('form');
      this.form.setAttribute('role', 'search');
      const label = text('label', 'Search the transcripts', 'visually-hidden');
      this.input = document.createElement('input');
      this.input.type = 'search';
      this.input.id = 'q';
      label.htmlFor = 'q';
      this.button = text('button', 'Search');
      this.button.type = 'submit';
      this.form.append(label, this.input, this.button);
      // The attributes' filters are said, so a reader knows the quotes are a selection.
      this.filters = text('p', '', 'filters');
      this.status = text('p', '', 'status');
      this.status.setAttribute('role', 'status');
      this.status.setAttribute('aria-live', 'polite');
      this.list = document.createElement('ol');
      this.list.className = 'hits';
      this.all = text('p', '', 'all');
      box.append(this.form, this.filters, this.status, this.list, this.all);
      adoptStyles(root);
      root.append(box);
      this.form.addEventListener('submit', (event) => {
        event.preventDefault();
        this.query = this.input.value.trim();
        this.search();
      });
      this.query = null;
      this.pending = false;
      this.controller = null;
    }

    connectedCallback() {
      this.scheduleSearch();
    }

    disconnectedCallback() {
      this.controller?.abort();
    }

    attributeChangedCallback(name, oldValue, newValue) {
      if (oldValue === newValue) return;
      if (name === 'q') this.query = null; // a new q from the page replaces what was typed
      if (name === 'placeholder') {
        this.input.placeholder = newValue || '';
        return;
      }
      this.scheduleSearch();
    }

    /** Several attributes set in a row give one search. */
    scheduleSearch() {
      if (this.pending) return;
      this.pending = true;
      queueMicrotask(() => {
        this.pending = false;
        if (this.isConnected) this.search();
      });
    }

    get endpoint() {
      return (this.getAttribute('endpoint') || SCRIPT_ORIGIN || location.origin).replace(/\/+$/, '');
    }

    get size() {
      const size = parseInt(this.getAttribute('size') || '5', 10);
      return Number.isFinite(size) ? Math.min(Math.max(size, 1), MAX_SIZE) : 5;
    }

    params() {
      const q = this.query ?? (this.getAttribute('q') || '');
      this.input.value = q;
      const params = new URLSearchParams();
      if (q) params.set('q', q);
      for (const name of FILTERS) {
        const value = this.getAttribute(name);
        if (value) params.set(name, value);
      }
      if (this.getAttribute('sort') === 'date') params.set('sort', 'date');
      return params;
    }

    /** "Only quotes by Sergey Lavrov, on Morning Edition": what the element's attributes filter by. */
    describeFilters() {
      const parts = [];
      const speaker = this.getAttribute('speaker');
      const program = this.getAttribute('program');
      const topic = this.getAttribute('topic');
      const role = this.getAttribute('role');
      if (speaker) parts.push(`by ${speaker}`);
      if (role) parts.push(`by a ${role}`);
      if (program) parts.push(`on ${program}`);
      if (topic) parts.push(`about ${topic}`);
      this.filters.textContent = parts.length ? `Only quotes ${parts.join(', ')}.` : '';
    }

    /** A link to every quote of this search on the search page, when the widget shows only some of them. */
    showAll(total, shown, params) {
      this.all.replaceChildren();
      if (total <= shown) return;
      const page = new URLSearchParams(params);
      page.delete('size');
      page.delete('passages');
      page.delete('facets');
      const link = document.createElement('a');
      link.href = `${this.endpoint}/?${page}`;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      link.textContent = `See all ${total} quotes`;
      this.all.append(link);
    }

    async search() {
      const params = this.params();
      this.controller?.abort();
      this.describeFilters();
      // A quote's link that had focus is about to go: focus moves to the search box, not to the host page's body.
      const focused = this.shadowRoot.activeElement;
      const hadFocus = focused && (this.list.contains(focused) || this.all.contains(focused));
      this.all.replaceChildren();
      this.list.replaceChildren();
      if (hadFocus) this.input.focus();
      if ([...params.keys()].length === 0) {
        this.setStatus('');
        return;
      }
      params.set('size', String(this.size));
      params.set('passages', '1');
      params.set('facets', 'none'); // the widget lists quotes only: no facet counts to work out
      this.controller = new AbortController();
      this.setStatus('Searching…');
      try {
        const key = this.getAttribute('api-key');
        const response = await fetch(`${this.endpoint}/api/search?${params}`, {
          mode: 'cors', credentials: 'omit', signal: this.controller.signal,
          headers: key ? { 'X-Api-Key': key } : {},
        });
        const body = await response.json();
        if (!response.ok) throw new Error(body.detail || `the server answered ${response.status}`);
        this.render(body, params.get('q') || '');
        this.showAll(body.total, body.hits.length, params);
      } catch (error) {
        if (error.name === 'AbortError') return;
        this.setStatus(error instanceof TypeError
          ? 'The search is not available from this page.'
          : `The search failed: ${error.message}`, true);
        this.dispatchEvent(new CustomEvent('transcript-search-error', { detail: String(error.message) }));
      }
    }

    render(response, q) {
      const what = q ? ` for “${q}”` : '';
      const shown = response.hits.length < response.total ? `; showing ${response.hits.length}` : '';
      // SolrCloud with every replica of a shard down: the answer is smaller than the collection's, and says so.
      const fewer = response.shards
        ? ` Answered by ${response.shards.answered} of ${response.shards.asked} parts of the collection (the others`
          + ' are down).'
        : '';
      this.setStatus((response.total === 0
        ? `No quotes found${what}.`
        : `${response.total} ${response.total === 1 ? 'quote' : 'quotes'}${what}${shown}.`) + fewer);
      for (const hit of response.hits) {
        const item = document.createElement('li');
        item.className = 'hit';
        const who = text('p', hit.speaker.name || 'Unknown speaker', 'who');
        if (hit.speaker.role) who.append(text('span', hit.speaker.role, 'role'));
        const quote = document.createElement('blockquote');
        quote.append(hit.highlights.length ? passage(hit.highlights[0].html) : text('p', hit.text.slice(0, 280)));
        const link = document.createElement('a');
        const target = new URLSearchParams({ episode: hit.episode.id, turn: String(hit.turn) });
        if (q) target.set('q', q);
        link.href = `${this.endpoint}/?${target}`;
        link.target = '_blank';
        link.rel = 'noopener noreferrer';
        link.textContent = hit.episode.title || 'Transcript';
        const source = document.createElement('p');
        source.className = 'source';
        source.append(link, [hit.episode.program, hit.episode.date].filter(Boolean).map((v) => ` · ${v}`).join(''));
        item.append(who, quote, source);
        this.list.append(item);
      }
      this.dispatchEvent(new CustomEvent('transcript-search-results', { detail: { total: response.total } }));
    }

    setStatus(message, isError = false) {
      this.status.textContent = message;
      this.status.classList.toggle('error', isError);
    }
  }

  customElements.define('transcript-search', TranscriptSearch);
})();
