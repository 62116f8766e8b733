// Bytes to base64 for files the user picks (imports travel as base64 in one request).
// Converted in chunks: spreading a whole file into String.fromCharCode overflows the stack.

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
