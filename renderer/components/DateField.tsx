// A date (or date and time) field that shows and reads dates in the UI's language: a
// native date input follows the browser's locale, not the app's. Typing is free text,
// read when the field is left or Enter is pressed; ↑/↓ move by a day (Shift: by an
// hour, for a time). The value is the native inputs' string ("2026-12-05" or
// "2026-12-05T14:30", local time), '' for none.
import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateValue, parseDateText, partsOfValue, valueOfParts } from './dateText';

interface Props {
  value: string;
  onValueChange: (value: string) => void;
  /** A time of day too, not only a date. */
  withTime?: boolean;
  id?: string;
  disabled?: boolean;
  autoFocus?: boolean;
  'aria-label'?: string;
  className?: string;
  /** Shown while empty; by default an example date marked as one ("e.g. …"), never a bare date that would read as a value. */
  placeholder?: string;
}

/** Moves a value by days or hours, through month and year ends. */
function shifted(value: string, withTime: boolean, days: number, hours: number): string {
  const p = partsOfValue(value);
  const base = p ? new Date(p.year, p.month - 1, p.day, p.hour, p.minute) : new Date(new Date().setSeconds(0, 0));
  if (!p && withTime) base.setMinutes(0);
  base.setDate(base.getDate() + days);
  base.setHours(base.getHours() + hours);
  return valueOfParts({ year: base.getFullYear(), month: base.getMonth() + 1, day: base.getDate(), hour: base.getHours(), minute: base.getMinutes() }, withTime);
}

export function DateField({ value, onValueChange, withTime = false, id, disabled, autoFocus, className, placeholder, ...aria }: Props) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const shown = formatDateValue(value, locale, withTime);
  const [draft, setDraft] = useState(shown);
  const [invalid, setInvalid] = useState(false);
  const hintId = useId();
  // A value changed from outside (or a language switch) shows at once.
  const [seen, setSeen] = useState(shown);
  if (seen !== shown) {
    setSeen(shown);
    setDraft(shown);
    setInvalid(false);
  }
  const example = formatDateValue(withTime ? '2026-12-05T14:30' : '2026-12-05', locale, withTime);

  const commit = () => {
    if (!draft.trim()) {
      setInvalid(false);
      if (value) onValueChange('');
      return;
    }
    const parsed = parseDateText(draft, locale, withTime);
    if (!parsed) return setInvalid(true);
    setInvalid(false);
    setDraft(formatDateValue(parsed, locale, withTime));
    if (parsed !== value) onValueChange(parsed);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'Enter') {
      // Enter takes a changed date first; pressed again it goes on to the form (submits it).
      if (draft !== shown) event.preventDefault();
      commit();
    }
    else if ((event.key === 'ArrowUp' || event.key === 'ArrowDown') && !event.altKey && !event.ctrlKey && !event.metaKey) {
      const step = event.key === 'ArrowUp' ? 1 : -1;
      const next = event.shiftKey && withTime ? shifted(value, withTime, 0, step) : shifted(value, withTime, step, 0);
      onValueChange(next);
      event.preventDefault();
    }
  };
  return (
    <span className={className ? `date-field ${className}` : 'date-field'}>
      <input
        {...aria}
        id={id}
        type="text"
        inputMode="text"
        className="date-field-input"
        value={draft}
        placeholder={placeholder ?? t('common.dateExample', { example })}
        disabled={disabled}
        autoFocus={autoFocus}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? hintId : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={onKeyDown}
      />
      {invalid && (
        // Read out as the field's description, and kept out of its name (the field sits in a label).
        <small id={hintId} className="date-field-hint" aria-hidden="true">
          {t('common.dateInvalid', { example })}
        </small>
      )}
    </span>
  );
}
