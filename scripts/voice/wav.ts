// Just enough WAV for the voice clips: 16-bit mono PCM in and out, silence trimming,
// resampling, and a synthesised two-tone chime.

export interface Pcm {
  rate: number;
  samples: Int16Array;
}

export function decodeWav(bytes: Buffer): Pcm {
  if (bytes.toString('ascii', 0, 4) !== 'RIFF' || bytes.toString('ascii', 8, 12) !== 'WAVE')
    throw new Error('not a WAV file');
  let rate = 0;
  let channels = 1;
  let offset = 12;
  while (offset + 8 <= bytes.length) {
    const id = bytes.toString('ascii', offset, offset + 4);
    let size = bytes.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ') {
      channels = bytes.readUInt16LE(body + 2);
      rate = bytes.readUInt32LE(body + 4);
      if (bytes.readUInt16LE(body + 14) !== 16) throw new Error('only 16-bit PCM is read');
    } else if (id === 'data') {
      // espeak-ng writing to a pipe cannot go back to fill in the size: take the rest.
      if (size === 0 || size === 0xffffffff || body + size > bytes.length)
        size = bytes.length - body;
      const frames = Math.floor(size / 2 / channels);
      const samples = new Int16Array(frames);
      for (let i = 0; i < frames; i++) samples[i] = bytes.readInt16LE(body + i * 2 * channels);
      return { rate, samples };
    }
    offset = body + size + (size % 2);
  }
  throw new Error('WAV has no data chunk');
}

export function encodeWav(samples: Int16Array, rate: number): Buffer {
  const data = samples.length * 2;
  const out = Buffer.alloc(44 + data);
  out.write('RIFF', 0, 'ascii');
  out.writeUInt32LE(36 + data, 4);
  out.write('WAVEfmt ', 8, 'ascii');
  out.writeUInt32LE(16, 16);
  out.writeUInt16LE(1, 20); // PCM
  out.writeUInt16LE(1, 22); // mono
  out.writeUInt32LE(rate, 24);
  out.writeUInt32LE(rate * 2, 28);
  out.writeUInt16LE(2, 32);
  out.writeUInt16LE(16, 34);
  out.write('data', 36, 'ascii');
  out.writeUInt32LE(data, 40);
  for (let i = 0; i < samples.length; i++) out.writeInt16LE(samples[i]!, 44 + i * 2);
  return out;
}

/** Linear interpolation; speech from espeak-ng has little above 7 kHz, so this is enough. */
export function resample(samples: Int16Array, from: number, to: number): Int16Array {
  if (from === to) return samples;
  const out = new Int16Array(Math.floor((samples.length * to) / from));
  for (let i = 0; i < out.length; i++) {
    const x = (i * from) / to;
    const j = Math.floor(x);
    const a = samples[j] ?? 0;
    const b = samples[j + 1] ?? a;
    out[i] = Math.round(a + (b - a) * (x - j));
  }
  return out;
}

/** Cuts the silence espeak-ng leaves around a word, keeping a few ms and soft edges. */
export function trimSilence(samples: Int16Array, rate: number, threshold = 400): Int16Array {
  const margin = Math.round(rate * 0.015);
  let start = samples.findIndex((s) => Math.abs(s) > threshold);
  if (start < 0) return samples;
  let end = samples.length - 1;
  while (end > start && Math.abs(samples[end]!) <= threshold) end--;
  start = Math.max(0, start - margin);
  end = Math.min(samples.length, end + margin);
  const out = samples.slice(start, end);
  const fade = Math.min(Math.round(rate * 0.005), Math.floor(out.length / 2));
  for (let i = 0; i < fade; i++) {
    out[i] = Math.round((out[i]! * i) / fade);
    out[out.length - 1 - i] = Math.round((out[out.length - 1 - i]! * i) / fade);
  }
  return out;
}

/** "Ting-tung": two bell-like tones, high then low, each with a soft attack and a long decay. */
export function twoToneChime(rate: number): Int16Array {
  const tones = [
    { hz: 784, start: 0, length: 0.6 }, // G5
    { hz: 622, start: 0.42, length: 0.9 }, // D#5
  ];
  const total = Math.ceil(rate * 1.35);
  const mix = new Float64Array(total);
  for (const tone of tones) {
    const from = Math.round(tone.start * rate);
    const count = Math.min(Math.round(tone.length * rate), total - from);
    for (let i = 0; i < count; i++) {
      const t = i / rate;
      const envelope = Math.min(1, t / 0.008) * Math.exp(-t * 4.2);
      const wave =
        Math.sin(2 * Math.PI * tone.hz * t) +
        0.35 * Math.sin(2 * Math.PI * tone.hz * 2 * t) +
        0.12 * Math.sin(2 * Math.PI * tone.hz * 3 * t);
      mix[from + i]! += envelope * wave;
    }
  }
  const peak = mix.reduce((m, v) => Math.max(m, Math.abs(v)), 0) || 1;
  return Int16Array.from(mix, (v) => Math.round((v / peak) * 0.7 * 32767));
}
