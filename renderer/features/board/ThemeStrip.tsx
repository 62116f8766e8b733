// The board's themes, in view above the columns: each theme with how many groups it
// gathers. Arrows to and from a theme point here, and a group dropped on a theme joins it.
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Board } from '../../../shared/api/board';

export const ThemeStrip = memo(function ThemeStrip({ board, onOpen }: { board: Board; onOpen: () => void }) {
  const { t } = useTranslation();
  if (board.themes.length === 0) return null;
  return (
    <div className="board-themes" aria-label={t('board.themes')} role="group">
      <span className="board-themes-title">{t('board.themes')}</span>
      {board.themes.map((theme) => {
        const groups = board.groups.filter((g) => g.themeId === theme.id).length;
        return (
          <button
            key={theme.id}
            className="theme-chip"
            data-theme-chip={theme.id}
            data-theme={theme.id}
            title={t('board.themeChip', { name: theme.name, count: groups })}
            onClick={onOpen}
          >
            <span className="theme-chip-name">{theme.name}</span>
            <span className="theme-chip-count">{groups}</span>
          </button>
        );
      })}
    </div>
  );
});
