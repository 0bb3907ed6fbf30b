/**
 * Whether the keyboard's focus has been lost by the page's own doing: it is back on the page
 * (the focused element was removed), on an element now disabled (its fieldset's included), or
 * on `moved`, an element the app itself focused as a stopgap. A person who has since moved the
 * focus elsewhere keeps it there.
 */
export function focusLost(moved?: Element | null): boolean {
  const active = document.activeElement;
  if (active === null || active === document.body || !active.isConnected) return true;
  if (moved && active === moved) return true;
  return active.matches(':disabled');
}

/** Focuses `el` if the focus has been lost (see `focusLost`); whether it did. */
export function refocus(el: HTMLElement | null | undefined, moved?: Element | null): boolean {
  if (!el || !focusLost(moved)) return false;
  el.focus();
  return document.activeElement === el;
}
