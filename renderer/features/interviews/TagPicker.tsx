// A quick picker for tags: fuzzy search over names and definitions (Chinese too),
// each tag shown with its definition so it is applied as the codebook intends. A name
// no tag has can be created on the spot (its definition is written later in the
// codebook): a new study has no tags, and tagging live must not wait for one.
import Fuse from 'fuse.js';
import { useMemo, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Tag } from '../../../shared/api/codebook';
import { isComposing } from './keys';

interface Props {
  tags: Tag[];
  chosen: readonly string[];
  onToggle: (tagId: string) => void;
  /** Creates a tag of that name and applies it. */
  onCreate: (name: string) => void;
  /** Escape: the tagging is done. */
  onClose: () => void;
  /** The keyboard went elsewhere on the page (a click outside): the picker goes, the focus stays where it went. */
  onLeave: () => void;
}

/** The option that creates a tag; it follows the tags found. */
const CREATE = 'tag-option-create';

export function TagPicker({ tags, chosen, onToggle, onCreate, onClose, onLeave }: Props) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const fuse = useMemo(() => new Fuse(tags, { keys: [{ name: 'name', weight: 3 }, 'definition', 'usageRule'], threshold: 0.4, ignoreLocation: true }), [tags]);
  const name = query.trim();
  const results = name ? fuse.search(name).map((r) => r.item) : tags;
  const creatable = name !== '' && !tags.some((tag) => tag.name.toLowerCase() === name.toLowerCase());
  const options = results.length + (creatable ? 1 : 0);
  const current = Math.min(active, Math.max(0, options - 1));
  const onCreateOption = creatable && current === results.length;
  const create = () => {
    onCreate(name);
    setQuery('');
    setActive(0);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (isComposing(event)) return;
    event.stopPropagation();
    if (event.key === 'ArrowDown') setActive(Math.min(current + 1, options - 1));
    else if (event.key === 'ArrowUp') setActive(Math.max(current - 1, 0));
    else if (event.key === 'Enter') {
      const tag = results[current];
      if (onCreateOption) create();
      else if (tag) onToggle(tag.id);
      setQuery('');
    } else if (event.key === 'Escape') onClose();
    else return;
    event.preventDefault();
  };
  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    // Switching to another window blurs the field too; the picker is still there on return.
    if (!document.hasFocus()) return;
    if (!event.currentTarget.contains(event.relatedTarget)) onLeave();
  };

  return (
    <div
      className="tag-picker"
      role="dialog"
      aria-label={t('capture.tagPicker')}
      onBlur={onBlur}
      // A press on the list (its scroll bar, a "no match" line) keeps the keyboard in the search field.
      onMouseDown={(e) => {
        if (e.target !== e.currentTarget.querySelector('input')) e.preventDefault();
      }}
    >
      <input
        autoFocus
        role="combobox"
        aria-expanded="true"
        aria-controls="tag-picker-list"
        aria-activedescendant={onCreateOption ? CREATE : results[current] ? `tag-option-${results[current].id}` : undefined}
        aria-label={t('capture.searchTags')}
        placeholder={t('capture.searchTags')}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id="tag-picker-list" role="listbox" aria-label={t('codebook.tags')}>
        {results.length === 0 && !creatable && <li className="muted">{t(tags.length ? 'codebook.noMatch' : 'capture.noTagsYet')}</li>}
        {results.map((tag, i) => (
          <li
            key={tag.id}
            id={`tag-option-${tag.id}`}
            role="option"
            aria-selected={i === current}
            className={`tag-option${i === current ? ' active' : ''}`}
            onMouseDown={() => onToggle(tag.id)}
          >
            <span className="tag-dot" style={{ background: tag.color }} />
            <span className="tag-option-text">
              <strong className={chosen.includes(tag.id) ? 'chosen' : undefined}>{tag.name}</strong>
              {tag.definition && <span className="muted">{tag.definition}</span>}
            </span>
          </li>
        ))}
        {creatable && (
          <li
            id={CREATE}
            role="option"
            aria-selected={onCreateOption}
            className={`tag-option tag-option-create${onCreateOption ? ' active' : ''}`}
            onMouseDown={() => create()}
          >
            <span className="tag-option-text">
              <strong>{t('capture.createTag', { name })}</strong>
              <span className="muted">{t('capture.createTagHint')}</span>
            </span>
          </li>
        )}
      </ul>
    </div>
  );
}
