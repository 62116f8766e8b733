// Node state carried by every note paragraph: a stable key (findings point at it)
// and the session time when its first character was typed (shown in the margin).
import { createState } from 'lexical';

export const paragraphKeyState = createState('pid', {
  parse: (value: unknown) => (typeof value === 'string' ? value : null),
});

export const paragraphTimeState = createState('at', {
  parse: (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : null),
});
