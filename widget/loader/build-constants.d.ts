/** The chat bundle's content hash, replaced at build time by esbuild's `define`. */
declare const __LEADBOT_CHAT_VERSION__: string;
