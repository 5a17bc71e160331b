// A reader's link to a page of the site: a plain <a>, whose plain click the app follows in the page
// with the router's navigate, as React Router's Link does, without each link resolving its path and
// subscribing to the router as it renders (docs/decisions/050). The layout provides the follower.
import { type AnchorHTMLAttributes, createContext, type MouseEvent, use, useCallback, useRef } from "react";
import { useLocation, useNavigate } from "react-router";

/** Follows a link's click in the page, or leaves it to the browser. */
export type FollowLink = (event: MouseEvent<HTMLAnchorElement>, to: string) => void;

/** Outside the app's layout (a component test, say) the browser follows every link. */
export const LinkFollower = createContext<FollowLink>(() => {});

type ReaderLinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href"> & {
  /** A path on this site, from its root. */
  to: string;
};

/** A link to a page of the site (`to` a path from the root), followed in the page on a plain click. */
export function ReaderLink({ to, onClick, ...attributes }: ReaderLinkProps) {
  const follow = use(LinkFollower);
  return (
    <a
      {...attributes}
      href={to}
      onClick={(event) => {
        onClick?.(event);
        follow(event, to);
      }}
    />
  );
}

/**
 * The layout's follower: a plain left click (no modifier key, no other target, not prevented) goes
 * through the router, replacing the history entry when it leads where the reader already is, as
 * Link does; any other click is the browser's (a new tab, a download).
 */
export function useLinkFollower(): FollowLink {
  const navigate = useNavigate();
  const location = useLocation();
  const here = useRef(location);
  here.current = location;
  return useCallback(
    (event, to) => {
      if (event.defaultPrevented || event.button !== 0) return;
      if (event.metaKey || event.altKey || event.ctrlKey || event.shiftKey) return;
      const target = event.currentTarget.getAttribute("target");
      if (target && target !== "_self") return;
      event.preventDefault();
      const { pathname, search, hash } = here.current;
      void navigate(to, { replace: pathname + search + hash === to });
    },
    [navigate],
  );
}

/** Whether `to` is the page the reader is on or one under it (a masthead link's `aria-current`). */
export const isCurrent = (pathname: string, to: string) => pathname === to || pathname.startsWith(`${to}/`);
