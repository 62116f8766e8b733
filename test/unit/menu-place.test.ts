// Where a board menu opens next to its button: below it, above it when the window has
// no room below, and never past the window's edges.
import { describe, expect, it } from 'vitest';
import { placeMenu } from '../../renderer/features/board/menuPlace.js';

const view = { width: 1440, height: 900 };
const menu = { width: 200, height: 90 };
const button = (top: number, right = 700) => ({ left: right - 24, top, right, bottom: top + 24 });

describe('menu placement', () => {
  it('opens below its button, right edges aligned, when there is room', () => {
    expect(placeMenu(button(300), menu, view)).toEqual({ left: 500, top: 328 });
  });

  it('flips above its button near the bottom of the window', () => {
    const place = placeMenu(button(820), menu, view);
    expect(place.top + menu.height).toBeLessThanOrEqual(820);
    expect(place.top).toBe(820 - 4 - 90);
  });

  it('stays inside the window when neither side has room, and at its left and right edges', () => {
    const tall = { width: 200, height: 880 };
    const place = placeMenu(button(450), tall, view);
    expect(place.top).toBeGreaterThanOrEqual(0);
    expect(place.top + tall.height).toBeLessThanOrEqual(900);
    expect(placeMenu(button(300, 30), menu, view).left).toBe(8);
    expect(placeMenu(button(300, 1700), menu, view).left + menu.width).toBeLessThanOrEqual(1440);
  });
});
