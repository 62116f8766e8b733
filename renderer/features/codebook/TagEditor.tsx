// Edits one tag: name, definition, usage rule, colour and parent; merges it into
// another tag, or asks to delete it (the codebook deletes it, with undo).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Tag } from '../../../shared/api/codebook';
import { useMutationOf } from '../../api/queries';
import { useReadOnly } from '../../app/useReadOnly';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EditableText } from '../../components/EditableText';
import { saveBasedOn } from '../../components/editConflict';
import { Icon } from '../../components/Icon';
import { reportErrors } from '../../components/mutate';
import { Select } from '../../components/Select';

interface Props {
  tag: Tag;
  tags: Tag[];
  onGone: () => void;
  /** Deletes the tag once confirmed; the screen does it, since this editor closes as the tag goes. */
  onDelete: (tag: Tag) => void;
}

export function TagEditor({ tag, tags, onGone, onDelete }: Props) {
  const { t, i18n } = useTranslation();
  const update = useMutationOf('tag.update');
  const merge = useMutationOf('tag.merge');
  const [mergeTarget, setMergeTarget] = useState('');
  const [confirming, setConfirming] = useState<'delete' | 'merge' | null>(null);
  const errors = reportErrors(t);
  const { readOnly, reason } = useReadOnly();
  const children = tags.filter((x) => x.parentId === tag.id);
  const hasChildren = children.length > 0;
  const parents = tags.filter((x) => x.parentId === null && x.id !== tag.id);
  const others = tags.filter((x) => x.id !== tag.id);
  const target = others.find((x) => x.id === mergeTarget);

  return (
    <article className="panel tag-editor" aria-label={t('codebook.editing', { name: tag.name })}>
      <div className="tag-editor-head">
        <input
          type="color"
          aria-label={t('codebook.colour')}
          value={tag.color}
          disabled={readOnly}
          title={reason}
          onChange={(e) => update.mutate({ id: tag.id, fields: { color: e.target.value } }, errors)}
        />
        <EditableText
          className="tag-name"
          label={t('codebook.name')}
          value={tag.name}
          required
          maxLength={200}
          readOnly={readOnly}
          onSave={(name, base) => saveBasedOn(t, update, { id: tag.id, fields: { name } }, { name: base })}
        />
        <span className="muted">{t('codebook.uses', { count: tag.uses })}</span>
      </div>
      <label className="field">
        <span>{t('codebook.definition')}</span>
        <EditableText
          multiline
          label={t('codebook.definition')}
          placeholder={t('codebook.definitionPlaceholder')}
          value={tag.definition}
          readOnly={readOnly}
          onSave={(definition, base) => saveBasedOn(t, update, { id: tag.id, fields: { definition } }, { definition: base })}
        />
      </label>
      <label className="field">
        <span>{t('codebook.usageRule')}</span>
        <EditableText
          multiline
          rows={2}
          label={t('codebook.usageRule')}
          placeholder={t('codebook.usageRulePlaceholder')}
          value={tag.usageRule}
          readOnly={readOnly}
          onSave={(usageRule, base) => saveBasedOn(t, update, { id: tag.id, fields: { usageRule } }, { usageRule: base })}
        />
      </label>
      <label className="field">
        <span>{t('codebook.parent')}</span>
        <Select
          value={tag.parentId ?? ''}
          disabled={hasChildren || readOnly}
          title={reason}
          onChange={(e) => update.mutate({ id: tag.id, fields: { parentId: e.target.value || null } }, errors)}
        >
          <option value="">{t('codebook.topLevel')}</option>
          {parents.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
        {hasChildren && <span className="hint">{t('codebook.hasChildren')}</span>}
      </label>
      <div className="tag-actions">
        <label className="field inline">
          <span>{t('codebook.mergeInto')}</span>
          <Select value={mergeTarget} onChange={(e) => setMergeTarget(e.target.value)} disabled={readOnly} title={reason}>
            <option value="">{t('codebook.chooseTag')}</option>
            {others.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </Select>
        </label>
        <button className="button" disabled={!target || readOnly} title={reason} onClick={() => setConfirming('merge')}>
          <Icon name="merge" size={16} /> {t('codebook.merge')}
        </button>
        <span className="spacer" />
        <button className="button danger" onClick={() => setConfirming('delete')} disabled={readOnly} title={reason}>
          <Icon name="trash" size={16} /> {t('codebook.delete')}
        </button>
      </div>
      {confirming === 'delete' && (
        <ConfirmDialog
          title={t('codebook.deleteTitle', { name: tag.name })}
          body={t('codebook.deleteBody', { count: tag.uses })}
          detail={
            hasChildren
              ? t('codebook.deleteChildren', {
                  count: children.length,
                  name: tag.name,
                  names: new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(children.map((c) => t('codebook.quotedName', { name: c.name }))),
                })
              : undefined
          }
          confirmLabel={t('codebook.delete')}
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            setConfirming(null);
            onDelete(tag);
          }}
        />
      )}
      {confirming === 'merge' && target && (
        <ConfirmDialog
          tone="primary"
          title={t('codebook.mergeTitle', { source: tag.name, target: target.name })}
          body={t('codebook.mergeBody', { source: tag.name, target: target.name, count: tag.uses })}
          confirmLabel={t('codebook.merge')}
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            setConfirming(null);
            merge.mutate({ sourceId: tag.id, targetId: target.id }, { ...errors, onSuccess: () => onGone() });
          }}
        />
      )}
    </article>
  );
}
