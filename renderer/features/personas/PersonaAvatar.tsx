// A persona's face: the uploaded picture, or initials on the palette colour chosen.
import { initials, PALETTE_COLOURS, parseAvatar } from '../../../shared/avatar';

export function PersonaAvatar({ avatar, name, size = 48 }: { avatar: string; name: string; size?: number }) {
  const parsed = parseAvatar(avatar);
  const style = { width: size, height: size, fontSize: Math.round(size * 0.4) };
  if (typeof parsed !== 'string' && parsed.kind === 'image') {
    return <img className="persona-avatar" style={style} alt="" src={`data:${parsed.mimeType};base64,${parsed.base64}`} />;
  }
  const colours = PALETTE_COLOURS[typeof parsed !== 'string' && parsed.kind === 'generated' ? parsed.palette : 'slate'];
  return (
    <span className="persona-avatar" aria-hidden style={{ ...style, background: colours.background, color: colours.text }}>
      {initials(name)}
    </span>
  );
}
