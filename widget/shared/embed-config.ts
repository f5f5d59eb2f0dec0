/** The widget's settings, read by the loader from its own script tag and passed to the chat. */
export type EmbedConfig = {
  /** The leadbot server: the origin of the script's `src`. */
  origin: string;
  /** Accent colour (`data-color`, a hex colour) and the text colour readable on it. */
  color: string;
  onColor: string;
  position: 'left' | 'right';
  /** The panel's heading and the launcher's label (`data-title`). */
  title: string;
};

export const DEFAULT_COLOR = '#4f46e5';
export const DEFAULT_TITLE = 'Chat with us';

/** The widget's custom element; one per page. */
export const WIDGET_TAG = 'leadbot-chat';

/**
 * Reads the embed settings from the script tag's `data-*` attributes and `src`.
 *
 * @example
 *   // <script async src="https://chat.beacon.example/widget.js" data-color="#0f766e" data-position="left" data-title="Ask Beacon"></script>
 *   readEmbedConfig(script) // { origin: 'https://chat.beacon.example', color: '#0f766e', position: 'left', ... }
 */
export function readEmbedConfig(
  script: { src: string; dataset: Record<string, string | undefined> },
  pageUrl: string,
): EmbedConfig {
  const data = script.dataset;
  const color = parseHexColor(data.color) ?? DEFAULT_COLOR;
  return {
    origin: new URL(script.src || '/', pageUrl).origin,
    color,
    onColor: readableOn(color),
    position: data.position === 'left' ? 'left' : 'right',
    title: data.title?.trim().slice(0, 80) || DEFAULT_TITLE,
  };
}

/** Only hex colours: they can be checked and their contrast computed without a CSS parser. */
function parseHexColor(value: string | undefined): string | null {
  const v = value?.trim() ?? '';
  if (/^#[0-9a-f]{6}$/i.test(v)) return v;
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(v);
  return short ? `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}` : null;
}

/** Black or white, whichever reads better on `hex` (WCAG relative luminance). */
function readableOn(hex: string): string {
  const channel = (i: number): number => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  // White wins when its contrast ratio (1.05 / (L + 0.05)) beats black's ((L + 0.05) / 0.05).
  return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.05 ? '#ffffff' : '#111111';
}
