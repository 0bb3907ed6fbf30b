import { useEffect, useRef, useState, type ReactNode } from 'react';

/** Which sides of a sideways-scrolling box hold content out of view. */
export interface HiddenSides {
  left: boolean;
  right: boolean;
}

/** Measured sideways: a pixel of rounding is not hidden content. */
export function hiddenSides(
  scrollLeft: number,
  clientWidth: number,
  scrollWidth: number,
): HiddenSides {
  return { left: scrollLeft > 1, right: scrollLeft + clientWidth < scrollWidth - 1 };
}

/**
 * A wide table's box: it scrolls sideways inside its card instead of widening the page, and a
 * shade on each side that holds columns out of view says there is more there (the scrollbar alone
 * shows only while scrolling on a phone). The sides are measured on scroll and on resize.
 */
export function TableScroll({ children }: { children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [hidden, setHidden] = useState<HiddenSides>({ left: false, right: false });
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => {
      const now = hiddenSides(el.scrollLeft, el.clientWidth, el.scrollWidth);
      setHidden((was) => (was.left === now.left && was.right === now.right ? was : now));
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
    >
      <div className="table-scroll" ref={box}>
        {children}
      </div>
    </div>
  );
}
