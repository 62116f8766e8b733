// A text field that saves when it loses focus (or on Enter for single lines) and
// reverts on Escape: editing in place without Save buttons, nothing lost on blur.
// A change saved elsewhere (another window, a teammate) never replaces what is being
// typed: it shows once the field is left, and if both changed the field, the other
// one stays and the user is offered to apply theirs instead.
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { showEditConflict } from './editConflict';

interface Props {
  value: string;
  /** `base`: the saved value the edit started from, for a save the core refuses if that changed meanwhile. */
  onSave: (value: string, base: string) => void;
  label: string;
  multiline?: boolean;
  placeholder?: string;
  maxLength?: number;
  className?: string;
  required?: boolean;
  readOnly?: boolean;
  rows?: number;
  /** Takes the focus when it appears (a field the user has just asked for). */
  autoFocus?: boolean;
  /**
   * A one-line value (Enter saves, no line breaks) shown wrapped over as many lines as
   * it needs: a long name in a narrow panel stays readable instead of scrolling away.
   */
  wrap?: boolean;
}

export function EditableText({ value, onSave, label, multiline, placeholder, maxLength = 2000, className, required, readOnly, rows = 3, autoFocus, wrap }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value);
  // The saved value the draft started from; while the field is being edited it stays put.
  const [shown, setShown] = useState(value);
  const [editing, setEditing] = useState(false);
  if (shown !== value && !editing) {
    // The saved value changed (our save, or another window's) while the field was not being typed in: show it.
    setShown(value);
    setDraft(value);
  }

  const cancelled = useRef(false);
  const commit = () => {
    setEditing(false);
    if (cancelled.current) {
      cancelled.current = false;
      return;
    }
    const next = multiline ? draft : draft.trim();
    if (required && !next.trim()) {
      setDraft(value);
      return;
    }
    if (next === shown || next === value) return; // nothing typed (a newer saved value shows now), or the same words
    if (value !== shown) {
      // Both changed it: theirs was saved first and stays; the user may still apply theirs over it.
      setDraft(value);
      showEditConflict(t, value, () => onSave(next, value));
      return;
    }
    onSave(next, shown);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (event.key === 'Escape') {
      // Blurring saves; Escape means "leave it as it was", so skip that save.
      cancelled.current = true;
      setDraft(value);
      event.currentTarget.blur();
    }
    if (event.key === 'Enter' && (!multiline || event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.currentTarget.blur();
    }
  };
  const common = {
    'aria-label': label,
    className: `editable${wrap ? ' wrapped' : ''} ${className ?? ''}`,
    value: draft,
    placeholder,
    maxLength,
    readOnly,
    autoFocus,
    // A wrapped one-line value takes no line breaks, pasted ones included.
    onChange: (e: { target: { value: string } }) => setDraft(wrap ? e.target.value.replace(/[\r\n]+/g, ' ') : e.target.value),
    onFocus: () => setEditing(true),
    onBlur: commit,
    onKeyDown,
  };
  if (wrap) return <textarea rows={1} {...common} />;
  return multiline ? <textarea rows={rows} {...common} /> : <input {...common} />;
}
