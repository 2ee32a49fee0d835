import { wavHeader } from "../../prisma/wav";

/**
 * A real WAV file of `bytes` bytes (16-bit stereo PCM, filled with `fill`): large uploads need
 * big files that ffprobe still reads as audio, and this makes them without any tool.
 */
export function wav(bytes: number, options: { sampleRate?: number; fill?: number } = {}) {
  const header = wavHeader(bytes - 44, { channels: 2, sampleRate: options.sampleRate ?? 44_100 });
  return Buffer.concat([header, Buffer.alloc(bytes - 44, options.fill ?? 0)]);
}
