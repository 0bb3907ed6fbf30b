import { useEffect, useRef, useState, type ReactNode } from 'react';

/** Which sides of a scrolling box hold content out of view. */
export interface HiddenSides {
  left: boolean;
  right: boolean;
  below: boolean;
}

type Extent = Pick<
  HTMLElement,
  'scrollLeft' | 'clientWidth' | 'scrollWidth' | 'scrollTop' | 'clientHeight' | 'scrollHeight'
>;

/** Measured on a box: a pixel of rounding is not hidden content. */
export const hiddenSides = (el: Extent): HiddenSides => ({
  left: el.scrollLeft > 1,
  right: el.scrollLeft + el.clientWidth < el.scrollWidth - 1,
  below: el.scrollTop + el.clientHeight < el.scrollHeight - 1,
});

const same = (a: HiddenSides, b: HiddenSides) =>
  a.left === b.left && a.right === b.right && a.below === b.below;

/**
 * A table's box: it scrolls sideways inside its card instead of widening the page (and, given a
 * class with a height limit, down), and a shade on each side that holds rows or columns out of
 * view says there is more there: a phone shows a scrollbar only while it scrolls. The sides are
 * measured on scroll and on resize.
 */
export function TableScroll({ children, box }: { children: ReactNode; box?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [hidden, setHidden] = useState<HiddenSides>({ left: false, right: false, below: false });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const now = hiddenSides(el);
      setHidden((was) => (same(was, now) ? was : now));
    };
    measure();
    el.addEventListener('scroll', measure, { passive: true });
    // Without ResizeObserver (jsdom has none) the sides are measured on scroll alone.
    const resized = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    resized?.observe(el);
    if (el.firstElementChild) resized?.observe(el.firstElementChild);
    return () => {
      el.removeEventListener('scroll', measure);
      resized?.disconnect();
    };
  }, []);
  return (
    <div
      className="table-scroll-frame"
      data-hidden-left={hidden.left || undefined}
      data-hidden-right={hidden.right || undefined}
      data-hidden-below={hidden.below || undefined}
    >
      <div className={box ? `table-scroll ${box}` : 'table-scroll'} ref={ref}>
        {children}
      </div>
      {hidden.below && <div className="table-scroll-below" aria-hidden />}
    </div>
  );
}
