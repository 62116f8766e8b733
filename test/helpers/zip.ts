// Writes zip files byte by byte, so tests can make the malformed and hostile ones a
// zip library would refuse to write: names with "..", sizes that lie, wrong checksums,
// duplicate names.
import zlib from 'node:zlib';

export interface RawEntry {
  name: string;
  data: Uint8Array;
  /** 8 (deflate, the default) or 0 (stored). */
  method?: 0 | 8;
  /** The uncompressed size the headers claim (the real one by default). */
  declaredSize?: number;
  /** The CRC-32 the headers claim (the real one by default). */
  crc?: number;
  /** General-purpose flags beyond UTF-8 names (bit 0: encrypted). */
  flags?: number;
}

export function buildZip(entries: readonly RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const method = entry.method ?? 8;
    const data = Buffer.from(entry.data);
    const body = method === 8 ? zlib.deflateRawSync(data) : data;
    const name = Buffer.from(entry.name, 'utf8');
    const crc = entry.crc ?? zlib.crc32(data);
    const size = entry.declaredSize ?? data.length;
    const flags = 0x0800 | (entry.flags ?? 0); // names are UTF-8

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, body);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
