import { crc32 } from "node:zlib";

/**
 * A ZIP archive written as it is read, without compression ("stored"): every phone and computer
 * opens it, nothing is held in memory but the file being copied, and the media it carries is
 * compressed already. Files whose bytes arrive as a stream get their checksum and size in a data
 * descriptor after them (general-purpose flag bit 3), as the format allows; the central directory
 * at the end repeats everything, which is what unzip tools read.
 *
 * Sizes and offsets are 32-bit (no ZIP64): an archive past 4 GiB stops with an error.
 */
export type ZipItem =
  | { name: string; bytes: Uint8Array; modified: Date }
  | { name: string; stream: () => Promise<AsyncIterable<Uint8Array | string>>; modified: Date };

const UTF8 = 0x0800;
const DESCRIPTOR = 0x0008;
const LIMIT = 0xffffffff;

function dosTime(date: Date) {
  const year = Math.max(1980, date.getUTCFullYear());
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

type ZipRecord = { name: Buffer; flags: number; crc: number; size: number; offset: number; modified: Date };

/**
 * The fields a local header and the central directory's record share, in the same order: the
 * version needed to extract, flags, method, time and date, checksum, sizes and the name's length.
 */
function writeFileFields(header: Buffer, at: number, entry: Omit<ZipRecord, "offset">) {
  const { time, date } = dosTime(entry.modified);
  header.writeUInt16LE(20, at);
  header.writeUInt16LE(entry.flags, at + 2);
  header.writeUInt16LE(0, at + 4); // stored
  header.writeUInt16LE(time, at + 6);
  header.writeUInt16LE(date, at + 8);
  header.writeUInt32LE(entry.crc, at + 10);
  header.writeUInt32LE(entry.size, at + 14);
  header.writeUInt32LE(entry.size, at + 18);
  header.writeUInt16LE(entry.name.length, at + 22);
}

function localHeader(entry: Omit<ZipRecord, "offset">) {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  writeFileFields(header, 4, entry);
  header.writeUInt16LE(0, 28); // extra field: none
  return Buffer.concat([header, entry.name]);
}

function centralHeader(entry: ZipRecord) {
  const header = Buffer.alloc(46);
  header.writeUInt32LE(0x02014b50, 0);
  header.writeUInt16LE(20, 4); // version made by
  writeFileFields(header, 6, entry);
  // extra field, comment, disk number, internal and external attributes: none
  header.writeUInt32LE(entry.offset, 42);
  return Buffer.concat([header, entry.name]);
}

/** The archive's bytes, item after item; a failing stream ends the archive with its error. */
export async function* zipArchive(items: AsyncIterable<ZipItem> | Iterable<ZipItem>): AsyncGenerator<Buffer> {
  const records: ZipRecord[] = [];
  let offset = 0;
  const emit = (chunk: Buffer) => {
    offset += chunk.length;
    if (offset > LIMIT) throw new Error("the archive is larger than 4 GiB");
    return chunk;
  };
  for await (const item of items) {
    const name = Buffer.from(item.name, "utf8");
    const start = offset;
    if ("bytes" in item) {
      const record = {
        name,
        flags: UTF8,
        crc: crc32(item.bytes),
        size: item.bytes.length,
        offset: start,
        modified: item.modified,
      };
      yield emit(localHeader(record));
      yield emit(Buffer.from(item.bytes));
      records.push(record);
      continue;
    }
    const flags = UTF8 | DESCRIPTOR;
    yield emit(localHeader({ name, flags, crc: 0, size: 0, modified: item.modified }));
    let crc = 0;
    let size = 0;
    for await (const piece of await item.stream()) {
      const chunk =
        typeof piece === "string" ? Buffer.from(piece) : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
      crc = crc32(chunk, crc);
      size += chunk.length;
      yield emit(chunk);
    }
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(crc, 4);
    descriptor.writeUInt32LE(size, 8);
    descriptor.writeUInt32LE(size, 12);
    yield emit(descriptor);
    records.push({ name, flags, crc, size, offset: start, modified: item.modified });
  }
  if (records.length > 0xffff) throw new Error("the archive has more than 65,535 files");
  const directoryStart = offset;
  for (const record of records) yield emit(centralHeader(record));
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(records.length, 8);
  end.writeUInt16LE(records.length, 10);
  end.writeUInt32LE(offset - directoryStart, 12);
  end.writeUInt32LE(directoryStart, 16);
  yield end;
}
