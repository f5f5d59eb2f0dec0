import type { Calendar } from '../booking/calendar.js';
import type { DeliveryStore } from '../handoff/delivery/delivery-store.js';
import type { KeyedQueue } from '../lib/keyed-queue.js';
import type { Store } from '../store/store.js';
import type { CancelNotifier } from './cancel-notice.js';

/**
 * What the privacy operations read and erase: the three stores of a data folder. The server
 * passes the chat's per-conversation `queue`, so an erasure never lands in the middle of a
 * turn; the CLI (the server stopped) needs none.
 */
export type PrivacyDeps = {
  store: Pick<Store, 'getConversation' | 'listConversationIds' | 'eraseConversation'>;
  calendar: Pick<Calendar, 'list' | 'cancel' | 'erase'>;
  deliveries: Pick<DeliveryStore, 'list' | 'deleteForConversation'>;
  clock: () => Date;
  queue?: KeyedQueue;
  /** Tells the CRM a meeting is canceled before its person is erased; none sends nothing. */
  notifyCanceled?: CancelNotifier;
};
