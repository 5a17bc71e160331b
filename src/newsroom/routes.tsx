// The newsroom's pages under /newsroom. Every page but the sign-in one is behind the session: the
// layout's loader asks who is signed in and sends anyone else to sign in, then back where they
// were going.
//
// The editor (Lexical and the block forms, most of the program's weight), the history (its diff)
// and the live console are loaded only when opened: each is a lazy route, a chunk of its own, so
// signing in and the stories list fetch none of them (decision 043).
import { type RouteObject, redirect } from "react-router";
import type { Words } from "../words/words";
import { AccountPage, accountPageData } from "./AccountPage";
import { InvitationPage, type InvitationPageData } from "./InvitationPage";
import { NewsroomLayout } from "./NewsroomLayout";
import { currentSession, invitation, NewsroomError, storyToEdit } from "./newsroomApi";
import { INVITATION_PATH, NEWSROOM_PATH, SIGN_IN_PATH } from "./paths";
import { SignInPage } from "./SignInPage";
import { StoriesPage, storiesPageData } from "./StoriesPage";

export function newsroomRoutes(words: Words): RouteObject[] {
  const title = (page: string) => {
    document.title = `${page} | ${words.text("newsroom.title")}`;
  };
  return [
    {
      path: SIGN_IN_PATH,
      Component: SignInPage,
      loader: () => {
        title(words.text("newsroom.signIn"));
        return null;
      },
    },
    {
      path: INVITATION_PATH,
      Component: InvitationPage,
      loader: async ({ params }): Promise<InvitationPageData> => {
        title(words.text("newsroom.invitationTitle"));
        try {
          return { email: (await invitation(params.token ?? "")).email };
        } catch (error) {
          if (error instanceof NewsroomError && error.status === 400) return { email: null };
          throw error;
        }
      },
    },
    {
      id: "staff",
      path: NEWSROOM_PATH,
      Component: NewsroomLayout,
      loader: async ({ request }) => {
        const session = await currentSession();
        if (!session) {
          const url = new URL(request.url);
          return redirect(`${SIGN_IN_PATH}?next=${encodeURIComponent(url.pathname + url.search)}`);
        }
        return session;
      },
      children: [
        {
          index: true,
          Component: StoriesPage,
          loader: ({ request }) => {
            title(words.text("newsroom.stories"));
            return storiesPageData(new URL(request.url));
          },
        },
        {
          path: "account",
          Component: AccountPage,
          loader: () => {
            title(words.text("newsroom.account"));
            return accountPageData();
          },
        },
        {
          path: "stories/:slug",
          // The story is asked for while the editor's chunk loads.
          lazy: { Component: async () => (await import("./EditorPage")).EditorPage },
          loader: async ({ params }) => {
            const edited = await storyToEdit(params.slug ?? "");
            title(edited.story.headline);
            return edited;
          },
        },
        {
          path: "stories/:slug/history",
          lazy: {
            Component: async () => (await import("./HistoryPage")).HistoryPage,
            loader: async () => {
              const { historyPageData } = await import("./HistoryPage");
              return async ({ params, request }) => {
                const data = await historyPageData(params.slug ?? "", new URL(request.url));
                title(words.text("newsroom.historyOf", { headline: data.edited.story.headline }));
                return data;
              };
            },
          },
        },
        {
          path: "stories/:slug/live",
          lazy: {
            Component: async () => (await import("./LivePage")).LivePage,
            loader: async () => {
              const { livePageData } = await import("./LivePage");
              return async ({ params }) => {
                const data = await livePageData(params.slug ?? "");
                title(words.text("newsroom.liveOf", { headline: data.edited.story.headline }));
                return data;
              };
            },
          },
        },
      ],
    },
  ];
}
