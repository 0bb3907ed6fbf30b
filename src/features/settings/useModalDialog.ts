import { useEffect, useRef } from 'react';

/**
 * A native `<dialog>` shown modal while `open` is true: the browser moves focus into it, makes
 * the page behind it inert, closes it on Escape and, on closing, puts focus back where it was
 * (the button that opened it). `onClose` is told whenever it closes, however that happened.
 * A click on the backdrop closes it too.
 */
export function useModalDialog(open: boolean, onClose: () => void) {
  const ref = useRef<HTMLDialogElement>(null);
  const closed = useRef(onClose);
  useEffect(() => {
    closed.current = onClose;
  });
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  const props = {
    ref,
    onClose: () => closed.current(),
    // A click on the backdrop lands on the dialog itself, outside its box.
    onClick: (e: React.MouseEvent<HTMLDialogElement>) => {
      if (e.target !== e.currentTarget) return;
      const r = e.currentTarget.getBoundingClientRect();
      const inside =
        e.clientX >= r.left && e.clientX <= r.right && e.clientY >= r.top && e.clientY <= r.bottom;
      if (!inside) e.currentTarget.close();
    },
  };
  return props;
}
