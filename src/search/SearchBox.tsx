import { useEffect, useRef, useState } from "react";
import { Form, useNavigate, useSearchParams } from "react-router";
import { useWords } from "../words/useWords";
import styles from "./SearchBox.module.css";
import { typingState } from "./searchNavigation";

const TYPING_PAUSE_MS = 250;

/**
 * A search box that is a plain GET form to /search (it works without JavaScript); with it, the
 * results follow the reader's typing once they pause. Each new query replaces the last one, and
 * the router drops the answer to a query that is no longer current.
 */
export function SearchBox({ id }: { id: string }) {
  const [params] = useSearchParams();
  const current = params.get("q") ?? "";
  const [value, setValue] = useState(current);
  const navigate = useNavigate();
  const words = useWords();
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => () => clearTimeout(timer.current), []);
  // Follow the address (back, a link) but never overwrite what the reader is typing.
  useEffect(() => {
    if (document.activeElement !== input.current) setValue(current);
  }, [current]);

  return (
    <Form method="get" action="/search" role="search" className={styles.form}>
      <label htmlFor={id} className={styles.label}>
        {words.text("search.label")}
      </label>
      <input
        ref={input}
        id={id}
        className={styles.input}
        type="search"
        name="q"
        value={value}
        autoComplete="off"
        maxLength={200}
        onChange={(event) => {
          const q = event.target.value;
          setValue(q);
          clearTimeout(timer.current);
          timer.current = setTimeout(
            () =>
              navigate(`/search?${new URLSearchParams({ q })}`, {
                replace: true,
                preventScrollReset: true,
                state: typingState,
              }),
            TYPING_PAUSE_MS,
          );
        }}
      />
      <button type="submit" className={styles.button}>
        {words.text("search.button")}
      </button>
    </Form>
  );
}
