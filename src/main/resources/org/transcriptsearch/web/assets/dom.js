// Building DOM safely: every string from the API goes in as text, except the highlight passages, which the
// server has already HTML-escaped with only <mark> added; even those are rebuilt from a whitelist here.
import { personUrl } from './state.js';

/**
 * Creates an element. `props`: class, text (textContent), on<event> (listener), and attributes; children are
 * nodes or strings (added as text).
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/**
 * A passage from the API's `html` (escaped text plus <mark>), as an element. Parsed in an inert document and
 * copied over keeping only text and <mark>, so nothing else could ever reach the page.
 */
export function passage(tag, html, className) {
  const node = el(tag, { class: className });
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  for (const child of parsed.body.childNodes) {
    if (child.nodeType === Node.ELEMENT_NODE && child.nodeName === 'MARK') {
      node.append(el('mark', { text: child.textContent }));
    } else {
      node.append(document.createTextNode(child.textContent));
    }
  }
  return node;
}

/** A date such as 2014-03-05 as "Mar 5, 2014" in a <time>, or null when unknown. */
export function airDate(date) {
  if (!date) return null;
  const shown = new Date(`${date}T00:00:00Z`).toLocaleDateString('en-US', {
    timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric',
  });
  return el('time', { datetime: date, text: shown });
}

/** A link only when the URL is http(s); anything else is shown as plain text. */
export function safeLink(url, text) {
  try {
    const parsed = new URL(url, location.href);
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') {
      return el('a', { href: parsed.href, rel: 'noopener noreferrer', text });
    }
  } catch { /* not a URL */ }
  return document.createTextNode(text);
}

/** "Sergey Lavrov, guest" style label parts for a speaker; a known name links to the person's record. */
export function speakerLabel(speaker) {
  const name = speaker?.name
    ? el('a', { class: 'speaker-name', href: personUrl(speaker.name), 'data-nav': true, text: speaker.name,
      title: `${speaker.name}: everything on record` })
    : el('span', { class: 'speaker-name', text: 'Unknown speaker' });
  return el('span', { class: 'speaker' },
    name,
    speaker?.role ? el('span', { class: `role role-${speaker.role}`, text: speaker.role }) : null);
}
