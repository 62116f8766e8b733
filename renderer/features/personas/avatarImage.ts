// Turns any picture the user picks into a small square JPEG data URL: a phone photo of
// several megabytes becomes a 256 px avatar that fits the 512 KB limit with room to spare.
const SIDE = 256;

export async function avatarFromFile(file: File): Promise<string> {
  const bitmap = await createImageBitmap(file);
  try {
    const side = Math.min(bitmap.width, bitmap.height);
    const canvas = document.createElement('canvas');
    canvas.width = SIDE;
    canvas.height = SIDE;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('canvas');
    // Centre crop to a square, then scale.
    context.drawImage(bitmap, (bitmap.width - side) / 2, (bitmap.height - side) / 2, side, side, 0, 0, SIDE, SIDE);
    return canvas.toDataURL('image/jpeg', 0.85);
  } finally {
    bitmap.close();
  }
}
