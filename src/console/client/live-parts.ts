/**
 * The lead page's live parts: elements marked `data-live="<name>"` (record, score, stage,
 * transcript, meeting, actions) are re-read from the server-rendered page and swapped in place.
 * The new HTML is parsed by DOMParser (its scripts never run) and only elements whose
 * `data-live` names match are taken; the page escapes every value when it renders it.
 */
export async function refreshLiveParts(
  doc: Document = document,
  url = location.href,
): Promise<number> {
  const res = await fetch(url, { credentials: 'same-origin', headers: { accept: 'text/html' } });
  if (!res.ok) return 0;
  const fresh = new DOMParser().parseFromString(await res.text(), 'text/html');
  let swapped = 0;
  for (const old of Array.from(doc.querySelectorAll<HTMLElement>('[data-live]'))) {
    const name = old.dataset.live ?? '';
    const next = Array.from(fresh.querySelectorAll<HTMLElement>('[data-live]')).find(
      (e) => e.dataset.live === name,
    );
    if (next === undefined) continue;
    old.replaceWith(doc.importNode(next, true));
    swapped++;
  }
  return swapped;
}
