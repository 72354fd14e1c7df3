// Which anchors are in or near the viewport, so their badges come first: one IntersectionObserver for the page,
// with a screen's margin above and below (what a scroll brings in next; in a scrolling pane, only what the pane
// shows). Each anchor is told about once: an observed target costs every frame, and thousands would.

export interface Viewport {
  /** Tells once, at the next frame, whether the anchor is near the viewport. */
  watch(anchor: Element): void;
  unwatch(anchor: Element): void;
  disconnect(): void;
}

/** onSeen gets the anchors told about in one go, each with whether it is near. */
export type ViewportFactory = (onSeen: (seen: [anchor: Element, near: boolean][]) => void) => Viewport;

export const intersectionViewport: ViewportFactory = (onSeen) => {
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) observer.unobserve(entry.target);
      onSeen(entries.map((entry) => [entry.target, entry.isIntersecting]));
    },
    { rootMargin: '100% 0px' },
  );
  return {
    watch: (anchor) => observer.observe(anchor),
    unwatch: (anchor) => observer.unobserve(anchor),
    disconnect: () => observer.disconnect(),
  };
};
