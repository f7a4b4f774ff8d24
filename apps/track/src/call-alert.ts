// Sound and vibration when the ticket is called, where the phone allows: browsers let a
// page play sound only after a tap, so the page offers one tap to turn them on.
let audio: AudioContext | null = null;

export function alertsReady(): boolean {
  return audio?.state === 'running';
}

/** Call from a tap: creates or resumes the audio context. */
export async function enableAlerts(): Promise<boolean> {
  try {
    audio ??= new AudioContext();
    if (audio.state !== 'running') await audio.resume();
    navigator.vibrate?.(60);
  } catch {
    return false;
  }
  return alertsReady();
}

function chime(context: AudioContext): void {
  const start = context.currentTime;
  // Three rising tones, like the building's call chime.
  [659, 784, 988].forEach((frequency, i) => {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, start + i * 0.35);
    gain.gain.exponentialRampToValueAtTime(0.4, start + i * 0.35 + 0.03);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + i * 0.35 + 0.6);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(start + i * 0.35);
    oscillator.stop(start + i * 0.35 + 0.65);
  });
}

export function alertCalled(): void {
  navigator.vibrate?.([500, 200, 500, 200, 800]);
  if (audio && audio.state === 'running') chime(audio);
}
