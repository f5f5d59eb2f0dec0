/**
 * A random 128-bit id (hex) for clientIds. crypto.randomUUID exists only on https pages;
 * getRandomValues works on any page the widget is embedded in.
 */
export function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
