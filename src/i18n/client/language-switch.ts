/**
 * The language switch goes to the same page in the other language. Its href is the twin page;
 * at the moment of the click it also carries the reader's place: the story step (the hash) and
 * the scenario explorer's state or an embed's options (the query), which share their names
 * across languages. Without JavaScript the link still lands on the twin page.
 */
export function keepPlaceOnLanguageSwitch(doc: Document = document): void {
  const carry = (event: Event) => {
    const link = (event.target as Element | null)?.closest?.('a[data-lang-switch]');
    if (!(link instanceof HTMLAnchorElement)) return;
    const target = new URL(link.href);
    target.search = location.search;
    target.hash = location.hash;
    link.href = target.href;
  };
  // pointerdown and focus too, so "open in new tab" and the status bar show the full address.
  for (const type of ['click', 'pointerdown', 'focusin', 'auxclick']) doc.addEventListener(type, carry, { capture: true });
}
