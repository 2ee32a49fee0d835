import { useEffect } from "react";

/**
 * Keeps the keyboard's place on the page. A control that is disabled for a moment (a button while
 * its form is sent, the file picker during an upload) loses focus, and the browser puts it back at
 * the start of the page: 34 presses of Tab away from "Submit" on the entry page. When such a
 * control is enabled again and nothing else has taken focus meanwhile, focus goes back to it.
 */
export function useKeepFocus() {
  useEffect(() => {
    let focused: HTMLElement | null = null;
    let waiting: HTMLElement | null = null;
    const nothingFocused = () => !document.activeElement || document.activeElement === document.body;
    const onFocusIn = (event: FocusEvent) => {
      focused = event.target instanceof HTMLElement ? event.target : null;
      waiting = null;
    };
    // a click on the page's background is a choice to leave the control
    const onPointerDown = () => {
      waiting = null;
    };
    const observer = new MutationObserver((records) => {
      for (const { target } of records) {
        if (!(target instanceof HTMLElement) || target !== focused) continue;
        const disabled = target.matches(":disabled");
        if (disabled && (document.activeElement === target || nothingFocused())) waiting = target;
        else if (!disabled && waiting === target && target.isConnected && nothingFocused()) {
          waiting = null;
          target.focus({ preventScroll: true });
        }
      }
    });
    document.addEventListener("focusin", onFocusIn);
    document.addEventListener("pointerdown", onPointerDown);
    observer.observe(document.body, { attributes: true, attributeFilter: ["disabled"], subtree: true });
    return () => {
      document.removeEventListener("focusin", onFocusIn);
      document.removeEventListener("pointerdown", onPointerDown);
      observer.disconnect();
    };
  }, []);
}
