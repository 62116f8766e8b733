// A modal dialog on the native <dialog> element: focus is trapped and Escape closes
// it by the browser's own behaviour. Closing it puts the keyboard back where it was
// before the dialog opened (or where the caller says), before the next key arrives:
// a key pressed just after a dialog closes is never lost on the page's body.
import { useId, useLayoutEffect, useRef, type ReactNode } from 'react';

/** Focuses the element that had the keyboard before, if it is still on the page and can take it. */
function refocus(opener: Element | null): void {
  if (!(opener instanceof HTMLElement) || !opener.isConnected) return;
  opener.focus({ preventScroll: true });
}

export function Dialog({
  title,
  onClose,
  children,
  labelledBy,
  returnFocus,
  wide = false,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  labelledBy?: string;
  /** Where the keyboard goes when the dialog closes; by default, back to the element that had it when it opened. */
  returnFocus?: () => void;
  /** Room for a dialog with more to show (links with QR codes, lists of people). */
  wide?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  // Its own id, so a dialog opened from another (a confirmation) is named by its own title.
  const ownId = useId();
  const titleId = labelledBy ?? `dialog-title-${ownId}`;
  const returnRef = useRef(returnFocus);
  useLayoutEffect(() => {
    returnRef.current = returnFocus;
  }, [returnFocus]);
  // A layout effect, not a passive one: its clean-up runs while the dialog is still in
  // the document, so closing it and moving the focus happen in the same task as the key
  // or click that closed it. (A dialog removed from the page while open drops the focus
  // on the body, and the keys that follow go nowhere.)
  useLayoutEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement;
    if (dialog && !dialog.open) {
      dialog.showModal();
      // The browser focuses the first control; React's autoFocus ran while the dialog was
      // still hidden, so a control that is not first asks for the keyboard by this mark.
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
    return () => {
      if (dialog?.open) dialog.close();
      if (returnRef.current) return returnRef.current();
      // Unless the closing action already put the keyboard somewhere of its choosing.
      const active = document.activeElement;
      if (!active || active === document.body || dialog?.contains(active)) refocus(opener);
    };
  }, []);
  return (
    <dialog ref={ref} className={wide ? 'dialog wide' : 'dialog'} aria-labelledby={titleId} onClose={onClose} onCancel={onClose}>
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}
