// What makes an exported file's name safe to save on Windows, macOS and Linux: the
// check the tests hold every export to, whatever the name was made from.
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/** What is wrong with `name` as a file name, or null when nothing is. */
export function fileNameProblem(name: string): string | null {
  if (name.length === 0) return 'empty';
  if (/[\\/:*?"<>|]/.test(name)) return 'a separator or reserved character';
  for (const ch of name) {
    const code = ch.codePointAt(0)!;
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return 'a control character';
    if (code >= 0xd800 && code <= 0xdfff) return 'a lone surrogate';
    if ([0x061c, 0x200e, 0x200f].includes(code) || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)) return 'a bidi control';
  }
  if (name.startsWith('.')) return 'a leading dot';
  if (/[. ]$/.test(name)) return 'a trailing dot or space';
  if (WINDOWS_DEVICE.test(name)) return 'a Windows device name';
  if (Buffer.byteLength(name) > 255) return 'longer than 255 bytes';
  return null;
}
