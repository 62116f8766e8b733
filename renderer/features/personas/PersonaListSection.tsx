// One list of a persona (motivations, goals, challenges...): its statements, each with
// the findings it cites; add a statement by typing, edit in place, reorder with
// Alt+↑/↓, delete, cite more evidence.
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonaItem } from '../../../shared/api/personas';
import type { PersonaList } from '../../../shared/domain';
import { useMutationOf } from '../../api/queries';
import { useReadOnly } from '../../app/useReadOnly';
import { EditableText } from '../../components/EditableText';
import { saveBasedOn } from '../../components/editConflict';
import { Icon } from '../../components/Icon';
import { reportErrors } from '../../components/mutate';
import { EvidenceChips } from '../documents/EvidenceChips';

interface Props {
  personaId: string;
  list: PersonaList;
  items: readonly PersonaItem[];
  onCite: (item: PersonaItem) => void;
}

export function PersonaListSection({ personaId, list, items, onCite }: Props) {
  const { t } = useTranslation();
  const add = useMutationOf('persona.addItem');
  const update = useMutationOf('persona.updateItem');
  const move = useMutationOf('persona.moveItem');
  const remove = useMutationOf('persona.deleteItem');
  const unlink = useMutationOf('persona.unlinkEvidence');
  const errors = reportErrors(t);
  const { readOnly, reason } = useReadOnly();
  const [draft, setDraft] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = draft.trim();
    if (!text) return;
    add.mutate({ personaId, list, text }, { ...errors, onSuccess: () => setDraft('') });
  };
  const onKey = (event: KeyboardEvent, index: number) => {
    if (readOnly || !event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    const item = items[index]!;
    // Before the one above, or before the one two below (null: to the end).
    const beforeId = event.key === 'ArrowUp' ? items[index - 1]?.id : items[index + 2]?.id;
    if (event.key === 'ArrowUp' && index === 0) return;
    if (event.key === 'ArrowDown' && index === items.length - 1) return;
    move.mutate({ itemId: item.id, list, beforeId: beforeId ?? null }, errors);
  };

  return (
    <section className={`persona-section list-${list}`} aria-labelledby={`list-${list}`} data-list={list}>
      <h3 id={`list-${list}`}>
        {t(`personas.lists.${list}`)} <span className="muted">{items.length || ''}</span>
      </h3>
      <ul className="persona-items">
        {items.map((item, index) => (
          <li key={item.id} className="persona-item" onKeyDown={(e) => onKey(e, index)}>
            <div className="persona-item-row">
              <EditableText
                className={list === 'quotes' ? 'persona-quote' : undefined}
                label={t('personas.statement', { list: t(`personas.lists.${list}`) })}
                value={item.text}
                multiline
                rows={2}
                required
                readOnly={readOnly}
                onSave={(text, base) => saveBasedOn(t, update, { itemId: item.id, text }, { text: base })}
              />
              <button className="icon-button" aria-label={t('personas.deleteStatement', { text: item.text })} onClick={() => remove.mutate({ itemId: item.id }, errors)} disabled={readOnly} title={reason}>
                <Icon name="trash" size={14} />
              </button>
            </div>
            <EvidenceChips
              evidence={item.evidence}
              onAdd={() => onCite(item)}
              onUnlink={(findingId) => unlink.mutate({ itemId: item.id, findingId }, errors)}
            />
          </li>
        ))}
      </ul>
      <form className="add-statement" onSubmit={submit}>
        <input
          aria-label={t('personas.addStatement', { list: t(`personas.lists.${list}`) })}
          placeholder={t('personas.addStatement', { list: t(`personas.lists.${list}`) })}
          maxLength={2000}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          readOnly={readOnly}
          title={reason}
        />
      </form>
    </section>
  );
}
