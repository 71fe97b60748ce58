// The page's state lives in its URL, so any search or transcript view can be bookmarked and shared.

/** The filter dimensions, in the order their facets are shown. */
export const DIMENSIONS = ['speaker', 'program', 'topic', 'role'];

/** Human names of the dimensions. */
export const DIMENSION_NAMES = { speaker: 'Speaker', program: 'Program', topic: 'Topic', role: 'Role' };

/** The state described by a query string. */
export function readState(search = location.search) {
  const params = new URLSearchParams(search);
  const filters = {};
  for (const dimension of DIMENSIONS) {
    filters[dimension] = params.getAll(dimension).filter((value) => value.trim() !== '');
  }
  return {
    q: params.get('q') || '',
    filters,
    from: params.get('from') || '',
    to: params.get('to') || '',
    sort: params.get('sort') === 'date' ? 'date' : 'relevance',
    episode: params.get('episode') || '',
    turn: params.get('turn') || '',
    person: params.get('person') || '',
    quote: params.get('quote') || '',
  };
}

/** The page URL of a quote check. */
export function quoteUrl(text) {
  return `/?${new URLSearchParams({ quote: text })}`;
}

/** The page URL of a person's record. */
export function personUrl(name) {
  return `/?${new URLSearchParams({ person: name })}`;
}

/** The search parameters of a state, as the API and the page URL both take them. */
export function searchParams(state) {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const dimension of DIMENSIONS) {
    for (const value of state.filters[dimension]) params.append(dimension, value);
  }
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  if (state.sort === 'date') params.set('sort', 'date');
  return params;
}

/** The page URL of a search. */
export function searchUrl(state) {
  const query = searchParams(state).toString();
  return query ? `/?${query}` : '/';
}

/** The page URL of a transcript with one turn in focus, keeping the search so it can be marked and returned to. */
export function transcriptUrl(state, episodeId, turn) {
  const params = searchParams(state);
  params.set('episode', episodeId);
  if (turn !== undefined && turn !== null) params.set('turn', String(turn));
  return `/?${params}`;
}

/** Whether the state asks for any search at all. */
export function hasSearch(state) {
  return Boolean(state.q || state.from || state.to || DIMENSIONS.some((d) => state.filters[d].length));
}

/** A copy of the state with one filter value added or removed. */
export function toggleFilter(state, dimension, value) {
  const values = state.filters[dimension];
  const next = values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
  return { ...state, filters: { ...state.filters, [dimension]: next }, episode: '', turn: '' };
}
