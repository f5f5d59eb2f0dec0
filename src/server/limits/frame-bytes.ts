import type { Config } from '../../config/config-schema.js';

/** JSON may write a character as "\u0001": 6 bytes, the most any one UTF-16 unit takes. */
const JSON_BYTES_PER_UNIT = 6;
/**
 * Bytes allowed per message character. A character as a visitor sees it may be several code
 * points (a family emoji is 7, 25 bytes of UTF-8; a flag of England 7, 28 bytes): 32 covers
 * every emoji and accented letter a keyboard or a paste produces.
 */
const BYTES_PER_CHARACTER = 32;
/** The rest of a frame: the event name, the clientId or sessionId, JSON punctuation, the packet header. */
const ENVELOPE = 2048;

/**
 * The largest socket.io frame accepted (`maxHttpBufferSize`): what the largest valid payload
 * needs, a message of `server.maxMessageChars` characters or a hello at every `limits.visitor`
 * cap. A larger frame is dropped by socket.io with the connection, before it is parsed.
 *
 * @example maxFrameBytes(config) // 67,280 with the defaults
 */
export function maxFrameBytes(config: Pick<Config, 'server' | 'limits'>): number {
  const { urlChars, utmKeys, utmKeyChars, utmValueChars } = config.limits.visitor;
  // Two URLs, the UTM names and values with their quotes, colon and comma, and the short fields.
  const utmUnits = utmKeys * (utmKeyChars + utmValueChars + 6);
  const hello = (2 * urlChars + utmUnits + 256) * JSON_BYTES_PER_UNIT + ENVELOPE;
  const message = config.server.maxMessageChars * BYTES_PER_CHARACTER + ENVELOPE;
  return Math.max(hello, message);
}
