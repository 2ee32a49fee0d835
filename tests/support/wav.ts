/**
 * A real WAV file of `bytes` bytes (16-bit stereo PCM, filled with `fill`): large uploads need
 * big files that ffprobe still reads as audio, and this makes them without any tool.
 */
export function wav(bytes: number, options: { sampleRate?: number; fill?: number } = {}) {
  const rate = options.sampleRate ?? 44_100;
  const header = Buffer.alloc(44);
  header.write("RIFF", 0);
  header.writeUInt32LE(bytes - 8, 4);
  header.write("WAVEfmt ", 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(2, 22); // stereo
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 4, 28);
  header.writeUInt16LE(4, 32);
  header.writeUInt16LE(16, 34);
  header.write("data", 36);
  header.writeUInt32LE(bytes - 44, 40);
  return Buffer.concat([header, Buffer.alloc(bytes - 44, options.fill ?? 0)]);
}
