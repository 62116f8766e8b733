// Exports the board (or what the filter shows) as an SVG or PNG image. The SVG is
// drawn from the board's data, not captured from the screen, so it holds every card,
// not only those in view; the PNG is that SVG rasterised at twice the size.
import type { TFunction } from 'i18next';
import type { Board, BoardCard } from '../../../shared/api/board';
import type { JourneyStage } from '../../../shared/api/entities';
import { boardSvg, type SvgCard } from '../../../shared/export/board-svg';
import { stageName } from '../overview/stageName';

const TYPE_COLOURS: Record<string, string> = { pain_point: '#b4443a', quote: '#8e6bb8', improvement_idea: '#7a9e5b', touchpoint: '#5b7db1', influencer: '#5b7db1' };

export function boardImageSvg(t: TFunction, title: string, board: Board, stages: JourneyStage[], matches: ((c: BoardCard) => boolean) | null): string {
  const shown = matches ? board.cards.filter(matches) : board.cards;
  const sorted = [...shown].sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
  const card = (c: BoardCard): SvgCard => ({
    text: c.text,
    meta: [c.participantCode, t(`findingTypes.${c.type}.name`)].filter(Boolean).join(' · '),
    color: TYPE_COLOURS[c.type] ?? '#2f5d62',
    terms: c.terms,
  });
  const columns = [...stages.map((s) => ({ id: s.id as string | null, title: stageName(t, s) })), { id: null, title: t('board.unsorted') }];
  return boardSvg({
    title,
    columns: columns.map((column) => ({
      title: column.title,
      groups: board.groups
        .filter((g) => g.stageId === column.id)
        .sort((a, b) => (a.position < b.position ? -1 : 1))
        .map((g) => ({ name: g.name, color: g.color, cards: sorted.filter((c) => c.groupId === g.id).map(card) }))
        .filter((g) => g.cards.length > 0 || !matches),
      loose: sorted.filter((c) => c.stageId === column.id && !c.groupId).map(card),
    })),
  });
}

function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadSvg(svg: string, fileName: string): void {
  download(new Blob([svg], { type: 'image/svg+xml' }), `${fileName}.svg`);
}

export async function downloadPng(svg: string, fileName: string): Promise<void> {
  const image = new Image();
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('image'));
      image.src = url;
    });
    const scale = 2;
    const canvas = document.createElement('canvas');
    canvas.width = image.width * scale;
    canvas.height = image.height * scale;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('canvas');
    context.scale(scale, scale);
    context.drawImage(image, 0, 0);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('png');
    download(blob, `${fileName}.png`);
  } finally {
    URL.revokeObjectURL(url);
  }
}
