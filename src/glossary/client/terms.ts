/**
 * Turns each glossary term in the story (a link to the glossary page, see
 * src/components/story/Term.astro) into a disclosure button. Opening it
 * copies the definition from its <template> into a live region right after
 * the term, so it is shown in place and announced; closing empties it.
 * Click, tap, Enter and Space toggle it (a native <button>); Escape closes it
 * and returns focus to the term; a click elsewhere closes it. Hover does
 * nothing.
 */

interface TermParts {
  button: HTMLButtonElement;
  region: HTMLElement;
  template: HTMLTemplateElement;
}

export function enhanceTerms(root: Document): void {
  const terms: TermParts[] = [];
  let open: TermParts | null = null;

  const close = (t: TermParts, returnFocus: boolean) => {
    t.button.setAttribute('aria-expanded', 'false');
    t.region.replaceChildren();
    t.region.classList.remove('is-open');
    if (open === t) open = null;
    if (returnFocus) t.button.focus();
  };

  const show = (t: TermParts) => {
    if (open && open !== t) close(open, false);
    t.button.setAttribute('aria-expanded', 'true');
    t.region.replaceChildren(t.template.content.cloneNode(true));
    t.region.classList.add('is-open');
    open = t;
  };

  root.querySelectorAll<HTMLElement>('[data-term]').forEach((wrapper, index) => {
    const link = wrapper.querySelector<HTMLAnchorElement>('[data-term-link]');
    const template = wrapper.querySelector<HTMLTemplateElement>('template[data-term-definition]');
    if (!link || !template || wrapper.dataset.termReady) return;
    wrapper.dataset.termReady = 'true';
    const regionId = `term-definition-${index + 1}`;
    const button = root.createElement('button');
    button.type = 'button';
    button.className = 'term__trigger';
    button.textContent = link.textContent;
    button.setAttribute('aria-expanded', 'false');
    button.setAttribute('aria-controls', regionId);
    // Empty until opened: a live region must exist before its text arrives for the text to be announced.
    const region = root.createElement('span');
    region.id = regionId;
    region.className = 'term__definition';
    region.setAttribute('role', 'status');
    link.replaceWith(button);
    button.after(region);
    const parts: TermParts = { button, region, template };
    terms.push(parts);
    button.addEventListener('click', () => {
      if (open === parts) close(parts, false);
      else show(parts);
    });
  });
  if (terms.length === 0) return;

  root.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !open) return;
    const current = open;
    const inside = current.region.contains(root.activeElement) || current.button === root.activeElement;
    close(current, inside);
  });
  root.addEventListener('click', (event) => {
    if (!open) return;
    const target = event.target;
    if (target instanceof Node && (open.button.contains(target) || open.region.contains(target))) return;
    close(open, false);
  });
}
