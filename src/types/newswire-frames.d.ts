/** Types for @newswire/frames 1.0 (the package ships none): only what this site uses. */
declare module '@newswire/frames' {
  /** Sends the document's height (or the one given) to the host page, as an AMP "embed-size" message. */
  export function sendFrameHeight(height?: number): void;
  /** Sends the height now, on load, on resize, and when the host page starts listening. */
  export function initFrame(): void;
  /** On the host page: resizes an iframe when its page sends its height. Returns a function that stops it. */
  export function observeIframe(iframe: HTMLIFrameElement): () => void;
}
