/** The inbox's sound and browser notifications, both switched on by the rep's own click. */

const STORAGE_KEY = 'leadbot.inbox.notify';
let audio: AudioContext | null = null;

/** Whether the rep enabled alerts (remembered in this browser) and allowed notifications. */
export function notifyReady(): boolean {
  return (
    'Notification' in window &&
    Notification.permission === 'granted' &&
    localStorage.getItem(STORAGE_KEY) === '1'
  );
}

/**
 * A short two-tone beep made with Web Audio (no sound file). Browsers let a page play sound
 * only after a click on it, so it sounds once the rep enabled alerts in this page.
 */
export function beep(): void {
  if (audio === null || localStorage.getItem(STORAGE_KEY) !== '1') return;
  const now = audio.currentTime;
  const gain = audio.createGain();
  gain.gain.setValueAtTime(0.0001, now);
  gain.gain.exponentialRampToValueAtTime(0.2, now + 0.02);
  gain.gain.exponentialRampToValueAtTime(0.0001, now + 0.35);
  gain.connect(audio.destination);
  for (const [freq, start] of [
    [880, 0],
    [1320, 0.12],
  ] as const) {
    const tone = audio.createOscillator();
    tone.frequency.value = freq;
    tone.connect(gain);
    tone.start(now + start);
    tone.stop(now + start + 0.2);
  }
}

function unlockAudio(): void {
  if (!('AudioContext' in window)) return;
  audio ??= new AudioContext();
  void audio.resume();
}

/**
 * Shows the "Enable notifications" button; a click asks the browser's permission and turns the
 * sound on. After a reload the first click anywhere on the page turns the sound back on.
 */
export function prepareNotifications(button: HTMLElement | null): void {
  const label = (): void => {
    if (button === null) return;
    const on = localStorage.getItem(STORAGE_KEY) === '1';
    button.textContent = on
      ? notifyReady()
        ? 'Notifications on'
        : 'Sound on (notifications blocked)'
      : 'Enable notifications';
  };
  if (button !== null) {
    button.hidden = false;
    label();
    button.addEventListener('click', () => {
      localStorage.setItem(STORAGE_KEY, '1');
      unlockAudio();
      if ('Notification' in window && Notification.permission === 'default')
        void Notification.requestPermission().then(label);
      label();
    });
  }
  if (localStorage.getItem(STORAGE_KEY) === '1')
    document.addEventListener('click', unlockAudio, { once: true });
}
