/**
 * The "Share, embed, download" controls' only script: it shows the copy
 * buttons (without JavaScript the codes are selected and copied by hand) and,
 * in the story, keeps the sticky panel's control on the step being read.
 * Nothing here builds markup or words: values and messages (in the page's
 * language) are copied from controls rendered at build time.
 */
const FIELDS = ['snippet', 'fixed', 'png', 'svg', 'link'] as const;

function field(control: Element, name: string): HTMLTextAreaElement | HTMLAnchorElement | null {
  return control.querySelector<HTMLTextAreaElement | HTMLAnchorElement>(`[data-share-field="${name}"]`);
}

function valueOf(el: HTMLTextAreaElement | HTMLAnchorElement): string {
  return el instanceof HTMLTextAreaElement ? el.value : el.href;
}

async function copy(button: HTMLButtonElement) {
  const control = button.closest('[data-share-control]');
  const source = control && field(control, button.dataset.copyField ?? '');
  const status = control?.querySelector<HTMLElement>('[data-copy-status]');
  if (!control || !source) return;
  try {
    await navigator.clipboard.writeText(valueOf(source));
    if (status) status.textContent = button.dataset.copyDone ?? '';
  } catch {
    // Clipboard access can be refused (an insecure page, a browser setting): select the text to copy by hand.
    if (source instanceof HTMLTextAreaElement) {
      source.focus();
      source.select();
      if (status) status.textContent = status.dataset.copyFailedCode ?? '';
    } else if (status) {
      status.textContent = status.dataset.copyFailedLink ?? '';
    }
  }
}

/** Puts the values of one control into another (the panel's, from the active step's). */
export function copyShareFields(from: Element, to: HTMLElement) {
  for (const name of FIELDS) {
    const a = field(from, name);
    const b = field(to, name);
    if (!a || !b) continue;
    // Written only when different: each write relays out the control's text.
    if (a instanceof HTMLTextAreaElement && b instanceof HTMLTextAreaElement) {
      if (b.value !== a.value) b.value = a.value;
    } else if (a instanceof HTMLAnchorElement && b instanceof HTMLAnchorElement) {
      const href = a.getAttribute('href');
      if (href !== null && b.getAttribute('href') !== href) b.setAttribute('href', href);
      if (name === 'link' && b.textContent !== a.textContent) b.textContent = a.textContent;
    }
  }
  const step = (from as HTMLElement).dataset.shareStep;
  if (step && to.dataset.shareStep !== step) to.dataset.shareStep = step;
  const status = to.querySelector('[data-copy-status]');
  if (status?.textContent) status.textContent = '';
}

function followStory(panel: HTMLElement) {
  // Found once, not at every step: the panel holds thousands of drawn elements to search through.
  const panelControls = new Map(
    Array.from(panel.querySelectorAll<HTMLElement>('[data-share-control]'), (control) => [control.dataset.shareEmbed ?? '', control]),
  );
  const stepControl = () => {
    const id = panel.dataset.activeStep;
    return (id ? document.getElementById(id) : null)?.querySelector<HTMLElement>('[data-share-control]') ?? null;
  };
  // At each step only the control's step changes; its codes and links are filled in when it is open (or
  // opened). Rewriting them at every step relaid out the page while the reader scrolled.
  const sync = () => {
    const from = stepControl();
    const to = from && panelControls.get(from.dataset.shareEmbed ?? '');
    if (!from || !to) return;
    if (from.dataset.shareStep && to.dataset.shareStep !== from.dataset.shareStep) to.dataset.shareStep = from.dataset.shareStep;
    if (to instanceof HTMLDetailsElement && to.open) copyShareFields(from, to);
  };
  for (const control of panelControls.values()) control.addEventListener('toggle', sync);
  new MutationObserver(sync).observe(panel, { attributes: true, attributeFilter: ['data-active-step'] });
  sync();
}

function init() {
  document.querySelectorAll<HTMLButtonElement>('button[data-copy-field]').forEach((b) => (b.hidden = false));
  document.addEventListener('click', (event) => {
    const button = (event.target as Element | null)?.closest?.<HTMLButtonElement>('button[data-copy-field]');
    if (button) void copy(button);
  });
  const panel = document.querySelector<HTMLElement>('[data-story-panel]');
  if (panel) followStory(panel);
}

init();
