/** Resolves with what `p` rejected with; fails the test when `p` fulfils instead. */
export async function rejectionOf(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => {
      throw new Error('expected a rejection, but the promise fulfilled');
    },
    (e: unknown) => e,
  );
}
