import { useLocation } from "@remix-run/react";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";

/**
 * A navigation that folds behind a button on a phone (below 40rem), instead of wrapping into
 * rows that push the page down; wider screens show it whole and never see the button. It folds
 * only once the page's scripts run, so without them every link stays in view. The button says
 * whether it is open (`aria-expanded`); Escape folds it and gives the button the focus back, and
 * following a link folds it.
 */
export function FoldingNav({
  label,
  toggle,
  className,
  children,
}: {
  /** the navigation's name for assistive technology */
  label: string;
  /** the button's text */
  toggle: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  const id = useId();
  const [scripted, setScripted] = useState(false);
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const { pathname } = useLocation();
  useEffect(() => setScripted(true), []);
  useEffect(() => setOpen(false), [pathname]);
  return (
    <nav
      aria-label={label}
      className={`folding-nav ${className ?? ""}`}
      onKeyDown={(event) => {
        if (event.key !== "Escape" || !open) return;
        setOpen(false);
        button.current?.focus();
      }}
    >
      {scripted ? (
        <button
          ref={button}
          type="button"
          className="menu-toggle"
          aria-expanded={open}
          aria-controls={id}
          onClick={() => setOpen(!open)}
        >
          {toggle}
        </button>
      ) : null}
      <div id={id} className="folding-nav-items" data-folded={scripted && !open ? "true" : undefined}>
        {children}
      </div>
    </nav>
  );
}
