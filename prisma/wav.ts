/** WAV files made without any tool: the demo's tones and the tests' large recordings. */

/** The 44-byte header of a 16-bit PCM WAV file whose samples take `dataBytes`. */
export function wavHeader(dataBytes: number, options: { channels: number; sampleRate: number }) {
  const header = Buffer.alloc(44);
  const blockAlign = options.channels * 2;
  header.write("RIFF", 0);
  header.writeUInt32LE(36 + dataBytes, 4);
  header.write("WAVEfmt ", 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(options.channels, 22);
  header.writeUInt32LE(options.sampleRate, 24);
  header.writeUInt32LE(options.sampleRate * blockAlign, 28);
  header.writeUInt16LE(blockAlign, 32);
  header.writeUInt16LE(16, 34);
  header.write("data", 36);
  header.writeUInt32LE(dataBytes, 40);
  return header;
}
