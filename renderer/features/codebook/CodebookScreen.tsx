// The codebook: the study's tags as a two-level tree with search, the selected tag's
// editor (definition and usage rule visible where the team decides how to apply it),
// deleted tags to restore, and the built-in taxonomies.
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Tag } from '../../../shared/api/codebook';
import { containsFiltered, filterForm } from '../../../shared/search/text-filter';
import { useMutationOf, useOperation } from '../../api/queries';
import { useReadOnly } from '../../app/useReadOnly';
import { EmptyState } from '../../components/EmptyState';
import { Icon } from '../../components/Icon';
import { reportErrors } from '../../components/mutate';
import { showToast } from '../../components/toasts';
import { BuiltInTaxonomies } from './BuiltInTaxonomies';
import { TagEditor } from './TagEditor';

const PALETTE = ['#2f5d62', '#b4443a', '#e0a458', '#5b7db1', '#7a9e5b', '#8e6bb8', '#c06c84', '#4b5158'];

/**
 * Case-insensitive substring match on name and definition (works for Chinese, which has
 * no word breaks; Simplified and Traditional find each other).
 */
export function matchesTag(tag: Tag, query: string): boolean {
  const q = filterForm(query.trim());
  return !q || containsFiltered(tag.name, q) || containsFiltered(tag.definition, q) || containsFiltered(tag.usageRule, q);
}

export function CodebookScreen({ studyId }: { studyId: string }) {
  const { t } = useTranslation();
  const tags = useOperation('tag.list', { studyId });
  const trash = useOperation('tag.list', { studyId, trash: true });
  const { readOnly, reason } = useReadOnly();
  const create = useMutationOf('tag.create');
  const restore = useMutationOf('tag.restore');
  const remove = useMutationOf('tag.delete');
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const [newName, setNewName] = useState('');
  const errors = reportErrors(t);
  const list = useMemo(() => tags.data ?? [], [tags.data]);
  const current = list.find((tag) => tag.id === selected) ?? null;

  const tree = useMemo(() => {
    const ids = new Set(list.map((x) => x.id));
    const parents = list.filter((x) => x.parentId === null || !ids.has(x.parentId));
    return parents
      .map((parent) => ({ parent, children: list.filter((c) => c.parentId === parent.id) }))
      .filter(({ parent, children }) => matchesTag(parent, query) || children.some((c) => matchesTag(c, query)));
  }, [list, query]);

  const add = (event: FormEvent) => {
    event.preventDefault();
    const name = newName.trim();
    if (!name) return;
    create.mutate(
      { studyId, fields: { name, color: PALETTE[list.length % PALETTE.length], parentId: current?.parentId ?? current?.id ?? null } },
      { ...errors, onSuccess: (tag) => (setNewName(''), setSelected(tag.id)) },
    );
  };

  // Here rather than in the editor: the editor unmounts as soon as the refreshed list
  // no longer holds the tag, and a callback of an unmounted component never runs.
  const deleteTag = (tag: Tag) =>
    remove.mutate(
      { id: tag.id },
      {
        ...errors,
        onSuccess: () => {
          setSelected((id) => (id === tag.id ? null : id));
          showToast({
            tone: 'info',
            message: t('codebook.deleted', { name: tag.name }),
            action: { label: t('common.undo'), run: () => restore.mutate({ id: tag.id }, errors) },
          });
        },
      },
    );

  const row = (tag: Tag, child: boolean) => (
    <li key={tag.id}>
      <button className={`tag-row${child ? ' child' : ''}`} aria-current={tag.id === selected ? 'true' : undefined} onClick={() => setSelected(tag.id)}>
        <span className="tag-dot" style={{ background: tag.color }} />
        <span className="tag-row-name">{tag.name}</span>
        {!tag.definition.trim() && <span className="tag-no-definition">{t('codebook.noDefinition')}</span>}
        <span className="tag-uses">{tag.uses}</span>
      </button>
    </li>
  );

  return (
    <section className="screen wide" aria-labelledby="codebook-title">
      <header className="screen-head">
        <div>
          <h1 id="codebook-title">{t('nav.codebook')}</h1>
          <p className="muted">{t('codebook.subtitle')}</p>
        </div>
      </header>
      <div className="codebook">
        <aside className="panel tag-list">
          <input
            className="search"
            type="search"
            aria-label={t('codebook.search')}
            placeholder={t('codebook.search')}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          <ul className="tag-tree" aria-label={t('codebook.tags')}>
            {tree.map(({ parent, children }) => [row(parent, false), ...children.filter((c) => matchesTag(c, query) || matchesTag(parent, query)).map((c) => row(c, true))])}
          </ul>
          {list.length > 0 && tree.length === 0 && <p className="muted">{t('codebook.noMatch')}</p>}
          <form className="new-tag" onSubmit={add}>
            <input
              aria-label={t('codebook.newTag')}
              placeholder={current ? t('codebook.newTagUnder', { name: current.parentId ? (list.find((x) => x.id === current.parentId)?.name ?? '') : current.name }) : t('codebook.newTag')}
              value={newName}
              maxLength={200}
              onChange={(e) => setNewName(e.target.value)}
              readOnly={readOnly}
              title={reason}
            />
            <button className="button primary" type="submit" disabled={!newName.trim() || readOnly} title={reason}>
              <Icon name="plus" size={15} /> {t('codebook.add')}
            </button>
          </form>
          {(trash.data?.length ?? 0) > 0 && (
            <details className="tag-trash">
              <summary>{t('codebook.trash', { count: trash.data?.length ?? 0 })}</summary>
              <ul>
                {trash.data?.map((tag) => (
                  <li key={tag.id}>
                    <span>{tag.name}</span>
                    <button className="link-button accent" onClick={() => restore.mutate({ id: tag.id }, errors)} disabled={readOnly} title={reason}>
                      {t('trash.restore')}
                    </button>
                  </li>
                ))}
              </ul>
            </details>
          )}
        </aside>
        {current ? (
          <TagEditor key={current.id} tag={current} tags={list} onGone={() => setSelected(null)} onDelete={deleteTag} />
        ) : (
          <EmptyState icon="codebook" title={list.length ? t('codebook.pick') : t('codebook.emptyTitle')}>
            <p>{t('codebook.emptyBody')}</p>
          </EmptyState>
        )}
      </div>
      <BuiltInTaxonomies studyId={studyId} />
    </section>
  );
}
