// Candidates from the board: pain points and quotes of the persona's participants not
// yet cited, the most corroborated first. One click adds one as a challenge or quote,
// with the finding as its evidence.
import { useTranslation } from 'react-i18next';
import { useMutationOf, useOperation } from '../../api/queries';
import { reportErrors } from '../../components/mutate';

export function SuggestionsPanel({ personaId }: { personaId: string }) {
  const { t } = useTranslation();
  const suggestions = useOperation('persona.suggest', { personaId, limit: 12 });
  const add = useMutationOf('persona.addItem');
  const errors = reportErrors(t);
  const list = suggestions.data ?? [];
  return (
    <section className="panel suggestions" aria-labelledby="suggestions-title" data-testid="suggestions">
      <h2 id="suggestions-title">{t('personas.suggestions')}</h2>
      {list.length === 0 && <p className="muted">{suggestions.isLoading ? t('common.loading') : t('personas.noSuggestions')}</p>}
      <ul className="suggestion-list">
        {list.map((s) => (
          <li key={s.findingId}>
            <p>
              <span className="mono">{s.participantCode}</span> {s.text}
            </p>
            <div className="suggestion-meta">
              {s.groupName && <span className="muted">{t('personas.inGroup', { name: s.groupName, count: s.corroboration })}</span>}
              <button
                className="link-button accent"
                onClick={() => add.mutate({ personaId, list: s.list, text: s.text, evidence: [s.findingId] }, errors)}
              >
                {t('personas.addAs', { list: t(`personas.lists.${s.list}`) })}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
