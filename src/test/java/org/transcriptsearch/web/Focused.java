package org.transcriptsearch.web;

import java.util.List;

/**
 * The element that has focus, as a test names it: tag, id, role, accessible-ish text (aria-label or text content),
 * class, the facet or chip it stands for (data-dimension, data-value) and the quote it is in (the hit's data-id).
 */
record Focused(
    String tag, String id, String role, String text, String className, String dimension, String value, String hit) {
  static final String SCRIPT =
      """
      const e = document.activeElement || document.body;
      const text = (e.getAttribute('aria-label') || e.textContent || '').replace(/\\s+/g, ' ').trim();
      return [e.tagName.toLowerCase(), e.id || '', e.getAttribute('role') || '', text.slice(0, 120),
        typeof e.className === 'string' ? e.className : '', e.dataset?.dimension || '', e.dataset?.value || '',
        e.closest?.('.hit')?.dataset.id || ''];""";

  static Focused of(Object scriptResult) {
    List<?> v = (List<?>) scriptResult;
    return new Focused(
        (String) v.get(0), (String) v.get(1), (String) v.get(2), (String) v.get(3), (String) v.get(4),
        (String) v.get(5), (String) v.get(6), (String) v.get(7));
  }

  boolean isBody() {
    return tag.equals("body");
  }

  boolean hasClass(String name) {
    return List.of(className.split("\\s+")).contains(name);
  }

  @Override
  public String toString() {
    return tag + (id.isEmpty() ? "" : "#" + id) + (className.isEmpty() ? "" : "." + className.replace(' ', '.'))
        + (role.isEmpty() ? "" : "[role=" + role + "]") + (hit.isEmpty() ? "" : " in hit " + hit) + " '" + text + "'";
  }
}
