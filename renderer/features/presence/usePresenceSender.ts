// Tells the others on this board where this person is: the pointer (anchored to the
// card, group, theme or column under it, as fractions of its box, since screens
// differ), the selection and the cards being dragged. At most ten times a second,
// again every few seconds while nothing changes (so silence means gone), and "left"
// when the board closes. Only while a team session runs for the study (or on a
// teammate's page): otherwise there is no one to tell.
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardAnchor } from '../../../shared/api/team';
import { call } from '../../api/queries';
import { api } from '../../api/transport';
import { expirePresence, forgetPresence, ownClient, receivePresence } from './presenceStore';

const THROTTLE_MS = 100;
const REPEAT_MS = 5_000;

interface Own {
  cursor: BoardAnchor | null;
  selection: string[];
  dragging: string[];
}

/** The anchor under a pointer event, or null off the board's things. */
export function anchorAt(target: EventTarget | null, clientX: number, clientY: number): BoardAnchor | null {
  if (!(target instanceof Element)) return null;
  const found = target.closest('[data-card], [data-group], [data-theme], [data-drop-column]');
  if (!(found instanceof HTMLElement)) return null;
  const box = found.getBoundingClientRect();
  const clamp = (n: number) => Math.min(1, Math.max(0, Number.isFinite(n) ? n : 0));
  const [kind, id] = found.dataset.card
    ? (['card', found.dataset.card] as const)
    : found.dataset.group
      ? (['group', found.dataset.group] as const)
      : found.dataset.theme
        ? (['theme', found.dataset.theme] as const)
        : (['column', found.dataset.dropColumn ?? ''] as const);
  return { kind, id, x: clamp((clientX - box.left) / box.width), y: clamp((clientY - box.top) / box.height) };
}

export function usePresenceSender(studyId: string, active: boolean) {
  const { t } = useTranslation();
  const own = useRef<Own>({ cursor: null, selection: [], dragging: [] });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lastSent = useRef(0);
  const name = t('team.presence.host');

  const send = useCallback(
    (left = false) => {
      lastSent.current = Date.now();
      void call('board.presence', { studyId, client: ownClient, name, ...own.current, ...(left ? { left: true } : {}) }).catch(() => undefined);
    },
    [studyId, name],
  );

  const schedule = useCallback(() => {
    if (!active || timer.current) return;
    const wait = Math.max(0, THROTTLE_MS - (Date.now() - lastSent.current));
    timer.current = setTimeout(() => {
      timer.current = null;
      send();
    }, wait);
  }, [active, send]);

  useEffect(() => {
    if (!active) return;
    const off = api().on('board.presence', receivePresence);
    send();
    const repeat = setInterval(() => {
      expirePresence();
      if (Date.now() - lastSent.current >= REPEAT_MS) send();
    }, REPEAT_MS / 2);
    const leave = () => send(true);
    window.addEventListener('pagehide', leave);
    return () => {
      off();
      clearInterval(repeat);
      window.removeEventListener('pagehide', leave);
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      send(true);
      forgetPresence();
    };
  }, [active, send]);

  const pointer = useCallback(
    (anchor: BoardAnchor | null) => {
      own.current.cursor = anchor;
      schedule();
    },
    [schedule],
  );
  const selection = useCallback(
    (ids: readonly string[]) => {
      own.current.selection = ids.slice(0, 200);
      schedule();
    },
    [schedule],
  );
  const dragging = useCallback(
    (ids: readonly string[]) => {
      own.current.dragging = ids.slice(0, 200);
      schedule();
    },
    [schedule],
  );
  return useMemo(() => ({ pointer, selection, dragging }), [pointer, selection, dragging]);
}
