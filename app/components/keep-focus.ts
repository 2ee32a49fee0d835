import { useLocation } from "@remix-run/react";
import { useEffect, useRef } from "react";

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

/**
 * Takes the keyboard to the new page. When a navigation inside the app (a link, a form that
 * redirects: "Submit my entry" to its confirmation) removes the control that had focus, the
 * browser leaves focus nowhere and the next Tab starts from the top of the page; focus goes to
 * the new page's heading instead, which a screen reader reads out. Focus that is still somewhere
 * (a link in the header, the list of what is missing after a refused submission) stays there.
 */
export function useFocusNewPage() {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) return;
    const main = document.getElementById("main");
    const heading = main?.querySelector<HTMLElement>("h1");
    if (heading && !heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
    (heading ?? main)?.focus({ preventScroll: true });
  }, [pathname]);
}
