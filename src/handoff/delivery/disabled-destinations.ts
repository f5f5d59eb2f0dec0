import type { Destination } from './create-destinations.js';
import type { DeliveryStore, DisabledDestination } from './delivery-store.js';

/** The worker's view of which destinations a 410 switched off, cached between refreshes. */
export type DisabledDestinations = {
  /** The destination's disabled state, or null when it is live. */
  of(dest: Destination): Promise<DisabledDestination | null>;
  /** Records a 410 (durably first). */
  disable(state: DisabledDestination): Promise<void>;
  enable(destinationId: string): Promise<void>;
  /**
   * Re-reads the stored state and returns the destinations that are live again: enabled by
   * another process (the CLI) since the last read, or given a new URL since theirs answered 410
   * (their stale entry is removed).
   */
  reload(): Promise<string[]>;
};

/**
 * A 410 disables the URL that answered it: a destination whose URL changed in the config is live.
 *
 * @example const disabled = createDisabledDestinations(deliveries, destinations); await disabled.of(dest) // null
 */
export function createDisabledDestinations(
  deliveries: DeliveryStore,
  destinations: readonly Destination[],
): DisabledDestinations {
  let cache: Map<string, DisabledDestination> | null = null;
  const read = async (): Promise<Map<string, DisabledDestination>> =>
    new Map((await deliveries.disabledDestinations()).map((d) => [d.destinationId, d]));

  return {
    async of(dest) {
      cache ??= await read();
      const off = cache.get(dest.id);
      return off !== undefined && off.url === dest.url ? off : null;
    },
    async disable(state) {
      await deliveries.setDestinationDisabled(state.destinationId, state);
      cache?.set(state.destinationId, state);
    },
    async enable(destinationId) {
      await deliveries.setDestinationDisabled(destinationId, null);
      cache?.delete(destinationId);
    },
    async reload() {
      const before = cache;
      const now = await read();
      const live: string[] = [];
      for (const dest of destinations) {
        const off = now.get(dest.id);
        if (off !== undefined && off.url !== dest.url) {
          await deliveries.setDestinationDisabled(dest.id, null);
          now.delete(dest.id);
          live.push(dest.id);
        } else if (off === undefined && before?.get(dest.id)?.url === dest.url) {
          live.push(dest.id);
        }
      }
      cache = now;
      return live;
    },
  };
}
