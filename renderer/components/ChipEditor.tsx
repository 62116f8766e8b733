// A list of short items (touchpoints, keywords...) shown as chips: type and press
// Enter to add, Backspace in the empty field or the × to remove.
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './Icon';

interface Props<T> {
  items: readonly T[];
  label: string;
  placeholder: string;
  itemKey: (item: T) => string;
  itemText: (item: T) => string;
  onAdd: (text: string) => void;
  onRemove: (item: T) => void;
  tone?: 'accent' | 'warm' | 'strong';
  readOnly?: boolean;
}

export function ChipEditor<T>({ items, label, placeholder, itemKey, itemText, onAdd, onRemove, tone = 'accent', readOnly }: Props<T>) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if ((event.key === 'Enter' || event.key === ',' || event.key === '，') && !event.nativeEvent.isComposing) {
      event.preventDefault();
      const text = draft.trim();
      if (text && !items.some((i) => itemText(i) === text)) onAdd(text);
      setDraft('');
    }
    if (event.key === 'Backspace' && draft === '' && items.length > 0) onRemove(items[items.length - 1]!);
  };
  return (
    <div className="chip-editor" role="group" aria-label={label}>
      <ul className="chips">
        {items.map((item) => (
          <li key={itemKey(item)} className={`chip chip-${tone}`}>
            <span>{itemText(item)}</span>
            {!readOnly && (
              <button className="chip-remove" aria-label={t('common.removeItem', { item: itemText(item) })} onClick={() => onRemove(item)}>
                <Icon name="close" size={11} />
              </button>
            )}
          </li>
        ))}
      </ul>
      {!readOnly && (
        <input
          className="chip-input"
          value={draft}
          aria-label={label}
          placeholder={placeholder}
          maxLength={200}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={onKeyDown}
          onBlur={() => {
            const text = draft.trim();
            if (text && !items.some((i) => itemText(i) === text)) onAdd(text);
            setDraft('');
          }}
        />
      )}
    </div>
  );
}
