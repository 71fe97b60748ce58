// The search page: reads its state from the URL, shows the search or the transcript view, and keeps the URL in
// step (history.pushState on every change, popstate for back and forward).
import { readState, searchUrl, transcriptUrl, personUrl, quoteUrl } from './state.js';
import { SearchView } from './search-view.js';
import { TranscriptView } from './transcript-view.js';
import { PersonView, QuoteView } from './research.js';

const searchSection = document.getElementById('search-view');
const transcriptSection = document.getElementById('transcript-view');
const help = document.getElementById('help');
const personSection = document.getElementById('person-view');
const quoteSection = document.getElementById('quote-view');

const searchView = new SearchView(navigate);
const transcriptView = new TranscriptView();
const personView = new PersonView(navigate);
const quoteView = new QuoteView(navigate);

/** Records `state` as a new history entry and shows it. */
function navigate(state) {
  const url = state.quote ? quoteUrl(state.quote) : state.person ? personUrl(state.person)
    : state.episode ? transcriptUrl(state, state.episode, state.turn || null) : searchUrl(state);
  history.pushState(null, '', url);
  render(readState());
}

let rendered = null; // the query string last shown

const skipLink = document.getElementById('skip-link');

/** Each view's main content, where the skip link goes and where focus lands when the view replaces what had it. */
const MAIN = {
  search: { target: document.getElementById('results'), skip: 'Skip to results' },
  reading: { target: transcriptSection, skip: 'Skip to the transcript' },
  person: { target: personSection, skip: 'Skip to the record' },
  quote: { target: quoteSection, skip: 'Skip to the quote check' },
};
let main = MAIN.search;

/** Shows the view of `state`; `navigated` is false only for the page's first view, where nothing had focus yet. */
function render(state, navigated = true) {
  rendered = location.search;
  const quote = Boolean(state.quote);
  const person = !quote && Boolean(state.person);
  const reading = !quote && !person && Boolean(state.episode);
  searchSection.hidden = reading || person || quote;
  if (reading || person || quote) help.hidden = true; // the search view shows it when its results are in
  transcriptSection.hidden = !reading;
  personSection.hidden = !person;
  quoteSection.hidden = !quote;
  if (quote) {
    quoteView.show(state);
  } else if (person) {
    personView.show(state);
  } else if (reading) {
    transcriptView.show(state);
  } else {
    document.title = state.q ? `${state.q} – transcript-search` : 'transcript-search';
    searchView.show(state);
  }
  main = MAIN[quote ? 'quote' : person ? 'person' : reading ? 'reading' : 'search'];
  skipLink.href = `#${main.target.id}`;
  skipLink.textContent = main.skip;
  if (navigated) keepFocus();
}

/**
 * A new view hides or redraws what had focus (the link followed, the button pressed); focus goes to the view's main
 * content then, not to <body>, and the view moves it on from there once it has loaded (to a turn, a heading).
 */
function keepFocus() {
  const focused = document.activeElement;
  if (!focused || focused === document.body || focused.getClientRects().length === 0) {
    main.target.focus({ preventScroll: true });
  }
}

// The skip link goes to the main content of the view shown, whichever it is.
skipLink.addEventListener('click', (event) => {
  event.preventDefault();
  main.target.focus();
});

// Links marked data-nav change the view without reloading the page; modified clicks keep their usual meaning.
document.addEventListener('click', (event) => {
  const link = event.target.closest('a[data-nav]');
  if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  history.pushState(null, '', link.href);
  render(readState());
  const shown = readState();
  if (!shown.episode || shown.person || shown.quote) window.scrollTo(0, 0);
});

// Checking a quote is a view of its own, with its address.
document.getElementById('quote-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const text = document.getElementById('quote-text').value.trim();
  if (text) navigate({ ...readState(), quote: text });
});

// On a phone the facets start folded, so the quotes come first.
const phone = window.matchMedia('(max-width: 40rem)');
const facetDetails = document.getElementById('facet-details');
facetDetails.open = !phone.matches;
phone.addEventListener('change', () => { facetDetails.open = !phone.matches; });

// Following an in-page link such as #help also pops state; only a changed query string is a new view.
window.addEventListener('popstate', () => {
  if (location.search !== rendered) render(readState());
});
render(readState(), false);
