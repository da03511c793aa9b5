/**
 * The page's side of offline reading (the control in OfflineControl.astro).
 * Once the page has loaded, and the browser is idle, it registers the service
 * worker (src/offline/sw.js), which saves the site's offline files in the
 * background; nothing of it is part of the page's first view. A reader who
 * has asked their browser to save data (Save-Data) is not downloaded for: the
 * button does it when they choose. The worker tells every open page how far
 * it has got, and the control shows it.
 */
const MESSAGE = 'lifelines-offline';

interface Progress {
  type: typeof MESSAGE;
  state: 'saving' | 'installed' | 'ready' | 'failed' | 'status';
  /** Whether the worker telling is the one that serves the site (activating or activated). */
  active: boolean;
  /** The scope of the worker telling: each edition (English "/", French "/fr/") has its own. */
  scope: string;
  savedBytes: number;
  savedFiles: number;
  totalBytes: number;
  totalFiles: number;
}

type View = 'idle' | 'saving' | 'ready' | 'failed';

/**
 * The control's words in the page's language, rendered by OfflineControl.astro into data-offline-words
 * from the string table. {size}, {saved}, {total} and {n} are filled here.
 */
export interface OfflineWords {
  notSaved: string;
  saving: string;
  ready: string;
  failed: string;
  saveSize: string;
  savingButton: string;
  retry: string;
  progress: string;
  readyDetail: string;
  failedDetail: string;
  idleDetail: string;
  updateSaved: string;
  updateSaving: string;
  updated: string;
  /** "{n} KB" / "{n} Ko" */
  kb: string;
  mb: string;
  decimal: string;
}

const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/gu, (whole, name: string) => values[name] ?? whole);

/** "420 KB" or "1.2 MB" (KB = 1024 bytes), as scripts/lib/offline.mjs writes it in the README's numbers; "1,2 Mo" in French. */
export function formatSize(bytes: number, words?: Pick<OfflineWords, 'kb' | 'mb' | 'decimal'>): string {
  const kb = bytes / 1024;
  if (!words) return kb < 1000 ? `${Math.round(kb)} KB` : `${(kb / 1024).toFixed(1)} MB`;
  return kb < 1000 ? fill(words.kb, { n: String(Math.round(kb)) }) : fill(words.mb, { n: (kb / 1024).toFixed(1).replace('.', words.decimal) });
}

export function initOffline(): void {
  const section = document.querySelector<HTMLElement>('[data-offline]');
  const totalBytes = Number(section?.dataset.offlineBytes);
  if (!section || !('serviceWorker' in navigator) || !window.isSecureContext || !(totalBytes > 0)) return;
  const words = JSON.parse(section.dataset.offlineWords ?? '{}') as OfflineWords;
  const sizeOf = (bytes: number) => formatSize(bytes, words);
  const status = section.querySelector<HTMLElement>('[data-offline-status]')!;
  const detail = section.querySelector<HTMLElement>('[data-offline-detail]')!;
  const button = section.querySelector<HTMLButtonElement>('[data-offline-save]')!;
  const bar = section.querySelector<HTMLProgressElement>('[data-offline-progress]')!;
  // Each edition has its own worker, which saves only that edition (scripts/lib/offline.mjs): English at the
  // site's root, French under fr/.
  const root = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  const scope = document.documentElement.lang === 'fr' ? `${root}fr/` : root;
  const scopeUrl = new URL(scope, location.href).href;
  // The registration for this edition: getRegistration() would also return the English one for a French
  // page (its scope, the root, holds /fr/ too), which saves none of the French pages.
  const ownRegistration = async () => {
    const found = await navigator.serviceWorker.getRegistration(scope);
    return found?.scope === scopeUrl ? found : undefined;
  };
  const size = sizeOf(totalBytes);
  let view: View = 'idle';
  let registration: ServiceWorkerRegistration | undefined;
  /** Said after "Available offline" while a newer build is being saved or waits. */
  let update = '';

  const show = (next: View, progress?: Pick<Progress, 'savedBytes' | 'totalBytes'>) => {
    // The status line is a live region: it changes only when the state does, not with every file saved.
    const line = { idle: words.notSaved, saving: words.saving, ready: words.ready, failed: words.failed }[next];
    if (status.textContent !== line) status.textContent = line;
    // Shown once the page knows: never "Not saved" for the instant before it has asked the worker.
    section.hidden = false;
    status.dataset.state = next;
    section.dataset.state = next;
    view = next;
    button.hidden = next === 'ready';
    button.setAttribute('aria-disabled', String(next === 'saving'));
    button.textContent = fill(next === 'failed' ? words.retry : next === 'saving' ? words.savingButton : words.saveSize, { size });
    bar.hidden = next !== 'saving';
    if (next === 'saving' && progress) {
      bar.max = progress.totalBytes;
      bar.value = progress.savedBytes;
      detail.textContent = fill(words.progress, { saved: sizeOf(progress.savedBytes), total: sizeOf(progress.totalBytes) });
    } else if (next === 'ready') {
      detail.textContent = `${fill(words.readyDetail, { size })}${update && ` ${update}`}`;
    } else if (next === 'failed') {
      detail.textContent = words.failedDetail;
    } else if (next === 'idle') {
      detail.textContent = fill(words.idleDetail, { size });
    }
  };
  const noteUpdate = (text: string) => {
    update = text;
    if (view === 'ready') show('ready');
  };
  const UPDATE_SAVED = words.updateSaved;

  const ask = (worker: ServiceWorker | null | undefined) => worker?.postMessage({ type: MESSAGE, action: 'status' });

  navigator.serviceWorker.addEventListener('message', (event: MessageEvent) => {
    const data = event.data as Progress | undefined;
    if (data?.type !== MESSAGE || data.scope !== scopeUrl) return;
    // The worker that serves the site: the site is available offline once it has every file.
    if (data.active) {
      if (data.state === 'saving') show('saving', data);
      else if (data.state === 'failed') show('failed');
      else show(data.savedFiles === data.totalFiles ? 'ready' : 'idle');
      return;
    }
    // A newer build saving, or saved and waiting, while this one is in use: still available offline.
    if (view === 'ready' || registration?.active) {
      if (data.state === 'failed') return;
      const saved = data.state === 'installed' || data.savedFiles === data.totalFiles;
      noteUpdate(saved ? UPDATE_SAVED : fill(words.updateSaving, { saved: sizeOf(data.savedBytes), total: sizeOf(data.totalBytes) }));
      return;
    }
    if (data.state === 'failed') show('failed');
    else show('saving', data);
  });

  // A newer build took over this page from another tab: what it loads next would come from that build.
  // Only a change from this edition's worker to a newer one counts: a French page first served by the English
  // worker is then taken over by the French one, which is no update.
  const workerUrl = new URL(`${scope}sw.js`, location.href).href;
  const ownController = () => navigator.serviceWorker.controller?.scriptURL === workerUrl;
  let controlled = ownController();
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (controlled) noteUpdate(words.updated);
    controlled = ownController();
  });

  const watch = (reg: ServiceWorkerRegistration) => {
    registration = reg;
    ask(reg.active ?? reg.installing ?? reg.waiting);
    // A newer build may have been saved while this page loaded, before it listened.
    if (reg.active && reg.waiting) noteUpdate(UPDATE_SAVED);
    else if (reg.active && reg.installing) ask(reg.installing);
  };

  const save = async () => {
    if (view === 'saving') return;
    show('saving', { savedBytes: 0, totalBytes });
    try {
      // Saved before, but the browser has since deleted files (to free space): the worker fetches them again.
      const active = (registration ?? (await ownRegistration()))?.active;
      if (active) active.postMessage({ type: MESSAGE, action: 'save-missing' });
      else watch(await navigator.serviceWorker.register(`${scope}sw.js`, { scope }));
    } catch {
      show('failed');
    }
  };
  button.addEventListener('click', () => void save());

  const start = async () => {
    const existing = await ownRegistration();
    if (existing) {
      watch(existing);
      // A worker that does not answer (it is being replaced, say): the reader can still save.
      setTimeout(() => section.hidden && show('idle'), 5000);
    } else if ((navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData) show('idle');
    else await save();
  };
  // After the load event and when the browser is idle: the first view is the page's alone.
  const later = () => ('requestIdleCallback' in window ? requestIdleCallback(() => void start(), { timeout: 3000 }) : setTimeout(() => void start(), 500));
  if (document.readyState === 'complete') later();
  else window.addEventListener('load', later, { once: true });
}
